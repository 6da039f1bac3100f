using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.OperatorConsole;

/// <summary>A service of the test's own with a key and jobs, created over the API as an admin would.</summary>
internal sealed record ConsoleScenario(string Service, string Key, string KeyId, string HookPath)
{
    /// <summary>Weekdays at 09:00 UTC: a real schedule that does not fire during a test on most runs, paused or not.</summary>
    public const string Schedule = "cron(0 9 ? * MON-FRI *)";

    public static async Task<ConsoleScenario> CreateAsync(AppHostFixture fixture, string hint, params string[] jobs)
    {
        var service = TestJobs.Service(hint);
        var hookPath = $"console-{Guid.NewGuid():N}";
        var admin = fixture.Client;
        foreach (var job in jobs)
        {
            await admin.PutJobOkAsync(service, job, new
            {
                invocation_target = fixture.Receiver.UrlFor(hookPath),
                schedule = Schedule,
                payload = "{\"report\":\"daily\"}",
                ttl_seconds = 600,
            });
        }
        var (keyId, key) = await admin.CreateKeyAsync(service);
        return new ConsoleScenario(service, key, keyId, hookPath);
    }
}
