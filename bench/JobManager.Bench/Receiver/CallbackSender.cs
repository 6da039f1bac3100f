using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Threading.Channels;

namespace JobManager.Bench.Receiver;

/// <summary>
/// Calls back each received execution as a service would: after an optional delay, <c>success</c>
/// (or <c>failure</c> for a random fraction), through one shared HttpClient with at most N callbacks
/// in flight, so the load on the Api is bounded and the receiver answers webhooks at once.
/// </summary>
public sealed class CallbackSender : IAsyncDisposable
{
    private static readonly byte[] Success = """{"status":"success"}"""u8.ToArray();
    private static readonly byte[] Failure = """{"status":"failure","summary":"bench --fail-fraction"}"""u8.ToArray();
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly HttpClient _http;
    private readonly Task[] _workers;
    private readonly int _delayMs;
    private readonly double _failFraction;
    private readonly CancellationTokenSource _stop = new();
    private long _requested;
    private long _completed;
    private long _succeeded;
    private long _errors;
    private long _refused;
    private long _failuresReported;

    public CallbackSender(int concurrency, int delayMs, double failFraction)
    {
        _delayMs = delayMs;
        _failFraction = failFraction;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        })
        { Timeout = TimeSpan.FromSeconds(30) };
        _workers = [.. Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkAsync))];
    }

    /// <summary>Callbacks asked for so far.</summary>
    public long Requested => Interlocked.Read(ref _requested);

    /// <summary>Callbacks answered (any status) or failed to send.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Callbacks the Api answered with 2xx.</summary>
    public long Succeeded => Interlocked.Read(ref _succeeded);

    /// <summary>Callbacks sent as <c>failure</c> (<c>--fail-fraction</c>).</summary>
    public long FailuresReported => Interlocked.Read(ref _failuresReported);

    /// <summary>Callbacks not sent: their URL was not on this machine.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Callbacks that got no answer (connection error, timeout).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Answers other than 2xx, by status code.</summary>
    public ConcurrentDictionary<int, long> Rejected { get; } = new();

    public long Outstanding => Requested - Completed - Refused;

    public CallbackSummary Summary() => new(Requested, Succeeded, FailuresReported, new Dictionary<int, long>(Rejected), Errors, Refused);

    public void Enqueue(string callbackUrl)
    {
        Interlocked.Increment(ref _requested);
        if (!Uri.TryCreate(callbackUrl, UriKind.Absolute, out var uri) || !uri.IsLoopback)
        {
            // Never send traffic off this machine, whatever PublicBaseUrl the system was given.
            Interlocked.Increment(ref _refused);
            return;
        }
        if (_delayMs == 0)
        {
            _queue.Writer.TryWrite(callbackUrl);
            return;
        }
        _ = Task.Delay(_delayMs, _stop.Token).ContinueWith(
            _ => _queue.Writer.TryWrite(callbackUrl), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
    }

    private async Task WorkAsync()
    {
        await foreach (var url in _queue.Reader.ReadAllAsync())
        {
            try
            {
                var fail = _failFraction > 0 && Random.Shared.NextDouble() < _failFraction;
                if (fail)
                {
                    Interlocked.Increment(ref _failuresReported);
                }
                var body = fail ? Failure : Success;
                using var content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
                using var response = await _http.PostAsync(url, content, _stop.Token);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _succeeded);
                }
                else
                {
                    Rejected.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _errors);
            }
            finally
            {
                Interlocked.Increment(ref _completed);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        await Task.WhenAll(_workers).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _http.Dispose();
        _stop.Dispose();
    }
}
