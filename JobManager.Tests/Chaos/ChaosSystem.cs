using JobManager.Shared;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Chaos;

/// <summary>
/// The services as separate processes over one Redis: an Api and several dispatchers, with short
/// leases so takeovers happen within the test's time.
/// </summary>
public sealed class ChaosSystem : IDisposable
{
    public const int LeaseSeconds = 3;
    public const string CallbackSecret = "chaos-callback-secret-0123456789abcdefghijklmnop";
    public const string AdminKey = "chaos-admin-key-0123456789abcdefghijklmnopqrstuv";

    private ChaosSystem(ServiceProcess api, IReadOnlyList<ServiceProcess> dispatchers)
    {
        Api = api;
        Dispatchers = dispatchers;
    }

    public ServiceProcess Api { get; }
    public IReadOnlyList<ServiceProcess> Dispatchers { get; }

    public static async Task<ChaosSystem> StartAsync(string redisConnectionString, int dispatchers)
    {
        var apiPort = FreePort.Next();
        var common = new Dictionary<string, string>
        {
            ["ConnectionStrings__redis"] = redisConnectionString,
            ["JobManager__CallbackSecret"] = CallbackSecret,
            ["JobManager__AdminKeys__0"] = AdminKey,
            ["JobManager__Webhooks__AllowedNetworks__0"] = "127.0.0.0/8",
        };
        var dispatcherEnvironment = new Dictionary<string, string>(common)
        {
            ["JobManager__PublicBaseUrl"] = $"http://127.0.0.1:{apiPort}",
            ["JobManager__Dispatcher__LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["JobManager__Webhooks__TimeoutSeconds"] = "2",
            ["JobManager__Webhooks__MaxAttempts"] = "2",
            ["JobManager__Webhooks__RetryBaseDelayMilliseconds"] = "200",
        };
        var api = new ServiceProcess("api", BuildOutput.AssemblyOf("JobManager.Api"), apiPort, common);
        var pool = Enumerable.Range(1, dispatchers)
            .Select(i => new ServiceProcess(
                $"dispatcher-{i}", BuildOutput.AssemblyOf("JobManager.Dispatcher"), FreePort.Next(), dispatcherEnvironment))
            .ToList();
        var system = new ChaosSystem(api, pool);
        try
        {
            api.Start();
            pool.ForEach(d => d.Start());
            await Task.WhenAll(pool.Append(api).Select(p => p.WaitHealthyAsync(TimeSpan.FromSeconds(60))));
            return system;
        }
        catch
        {
            system.Dispose();
            throw;
        }
    }

    /// <summary>A client of the Api with the admin key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(Api.Url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public void Dispose()
    {
        foreach (var dispatcher in Dispatchers)
        {
            dispatcher.Dispose();
        }
        Api.Dispose();
    }
}
