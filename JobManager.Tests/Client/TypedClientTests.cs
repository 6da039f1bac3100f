using System.Net;
using JobManager.Client;
using JobManager.Client.Resources;
using JobManager.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace JobManager.Tests.Client;

/// <summary>The typed client against the real Api: records, cursors, problem details, and its Aspire registration.</summary>
[Collection(AppHostCollection.Name)]
public sealed class TypedClientTests(AppHostFixture fixture)
{
    private IJobManagerClient Admin => JobManagerClient.Create(fixture.Api.BaseAddress!, AppHostFixture.AdminKey, new HttpClient());

    [Fact]
    public async Task PutJob_WithInvalidFields_ThrowsTheProblemDetails_WithEachFieldError()
    {
        var service = ApiClient.UniqueService("typed");
        var invalid = new JobDefinition("rate(0 minutes)", "ftp://example.com/x") { TtlSeconds = 0 };

        var error = await Assert.ThrowsAsync<JobManagerApiException>(() => Admin.PutJobAsync(service, "bad", invalid));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(400, error.Problem.Status);
        Assert.Contains("schedule", error.FieldErrors.Keys);
        Assert.Contains("invocation_target", error.FieldErrors.Keys);
        Assert.Contains("ttl_seconds", error.FieldErrors.Keys);
        Assert.Contains("ttl_seconds", error.Message);
    }

    [Fact]
    public async Task Listings_FollowNextCursor_AcrossPages()
    {
        var service = ApiClient.UniqueService("typed");
        foreach (var name in new[] { "a", "b", "c" })
        {
            var saved = await Admin.PutJobAsync(service, name, new JobDefinition("rate(1 hour)",
                fixture.Receiver.UrlFor($"{service}/{name}")) { Enabled = false });
            Assert.True(saved.Created);
            await Admin.RunJobNowAsync(service, name);
        }

        var jobs = await Admin.ListJobsAsync(service, new JobQuery { PageSize = 1 }).ToListAsync();
        var executions = await Admin.ListExecutionsAsync(service, query: new ExecutionQuery { PageSize = 1 }).ToListAsync();

        Assert.Equal(["a", "b", "c"], jobs.Select(j => j.JobName));
        Assert.All(jobs, j => Assert.Equal((service, false, 300, "http"), (j.Service, j.Enabled, j.TtlSeconds, j.InvocationType)));
        Assert.Equal(3, executions.Count);
        Assert.Equal(3, executions.Select(e => e.ExecutionId).Distinct().Count());
        var updated = await Admin.PutJobAsync(service, "a", jobs[0].ToDefinition() with { TtlSeconds = 60 });
        Assert.Equal((false, 60), (updated.Created, updated.Job.TtlSeconds));
    }

    [Fact]
    public async Task AZonedJob_RoundTripsThroughTheClient_WithItsWindowPausingAndHealth()
    {
        var service = ApiClient.UniqueService("typed");
        var start = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var definition = new JobDefinition("cron(30 1 * * ? *)", fixture.Receiver.UrlFor($"{service}/zoned"))
        {
            Timezone = "America/New_York", StartTime = start, EndTime = start.AddYears(1), FlexibleWindowSeconds = 300,
            Enabled = false, PausedReason = "waiting for the migration", PauseAfterFailures = 5,
        };

        var saved = await Admin.PutJobAsync(service, "zoned", definition);
        var read = await Admin.GetJobAsync(service, "zoned");
        var paused = await Admin.ListJobsAsync(service, new JobQuery { Health = JobHealth.Paused }).ToListAsync();
        var healthy = await Admin.ListJobsAsync(service, new JobQuery { Health = JobHealth.Healthy }).ToListAsync();
        var again = await Admin.PutJobAsync(service, "zoned", read.ToDefinition());

        Assert.True(saved.Created);
        Assert.Equal(("America/New_York", start, start.AddYears(1), 300),
            (read.Timezone, read.StartTime, read.EndTime, read.FlexibleWindowSeconds));
        Assert.Equal(("waiting for the migration", 5, JobHealth.Paused, 0, null),
            (read.PausedReason, read.PauseAfterFailures, read.Health, read.ConsecutiveFailures, read.LastExecution));
        Assert.Equal(["zoned"], paused.Select(j => j.JobName));
        Assert.Empty(healthy);
        Assert.Equal(read with { UpdatedAt = again.Job.UpdatedAt }, again.Job);
    }

    [Fact]
    public async Task Backfill_CreatesAnExecutionPerInstant_AndCleanUpDeletesOnlyFinishedOnesBefore()
    {
        var service = ApiClient.UniqueService("typed");
        await Admin.PutJobAsync(service, "daily", new JobDefinition("cron(0 12 * * ? *)", fixture.Receiver.UrlFor($"{service}/daily"))
        {
            Enabled = false,
        });
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var backfill = await Admin.BackfillJobAsync(service, "daily", from, from.AddDays(3));
        var executions = await Admin.ListExecutionsAsync(service, "daily").ToListAsync();
        var deleted = await Admin.DeleteExecutionsAsync(service, null, from.AddDays(10));

        Assert.Equal(3, backfill.Count);
        Assert.Equal(backfill.ExecutionIds.Order(), executions.Select(e => e.ExecutionId).Order());
        Assert.All(executions, e => Assert.Equal("backfill", e.Trigger));
        // Whatever finished is deleted, pending and running stay: no execution is counted twice or lost.
        var left = await Admin.ListExecutionsAsync(service, "daily").ToListAsync();
        Assert.Equal(3, deleted.Deleted + left.Count);
        Assert.All(left, e => Assert.False(e.IsFinished, e.Status));
    }

    [Fact]
    public async Task GetJob_OfAnotherService_Throws404_LikeAMissingJob()
    {
        var service = ApiClient.UniqueService("typed");
        var key = await Admin.CreateKeyAsync(service);
        var other = JobManagerClient.Create(fixture.Api.BaseAddress!, key.Key, new HttpClient());

        var error = await Assert.ThrowsAsync<JobManagerApiException>(() => other.GetJobAsync(ApiClient.UniqueService(), "x"));
        var keys = await other.ListKeysAsync(service).ToListAsync();

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(key.KeyId, Assert.Single(keys).KeyId);
        await other.RevokeKeyAsync(service, key.KeyId);
        var revoked = await Assert.ThrowsAsync<JobManagerApiException>(() => other.ListKeysAsync(service).ToListAsync().AsTask());
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task AddJobManagerClient_ReadsTheAspireConnectionString_AndItsHealthCheckIsHealthy()
    {
        var service = ApiClient.UniqueService("aspire");
        var key = await Admin.CreateKeyAsync(service);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:jobmanager"] = $"Endpoint={fixture.Api.BaseAddress};Key={key.Key};Service={service}",
        });
        builder.AddJobManagerClient("jobmanager");
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<IJobManagerClient>();
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobManagerClientOptions>>().Value;
        var secret = await client.RotateSigningSecretAsync(options.Service!);
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(service, options.Service);
        Assert.StartsWith("whsec_", secret.Secret);
        Assert.Equal(HealthStatus.Healthy, health.Entries["jobmanager"].Status);
    }

    [Fact]
    public async Task ScheduleNext_WithATimezone_ReadsTheExpressionThere_AndNamesTheZone()
    {
        var preview = await Admin.GetNextScheduleTimesAsync(new ScheduleQuery("rate(1 hour)") { Count = 3 });
        Assert.Equal(3, preview.Times.Count);
        Assert.All(preview.Times.Zip(preview.Times.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(1), pair.Second - pair.First));
        Assert.Equal("UTC", preview.Timezone);

        var after = new DateTimeOffset(2027, 1, 10, 0, 0, 0, TimeSpan.Zero); // winter: Paris is UTC+1
        var zoned = await Admin.GetNextScheduleTimesAsync(new ScheduleQuery("cron(0 9 * * ? *)")
        {
            Timezone = "Europe/Paris", Count = 1, After = after,
        });
        var unknown = await Assert.ThrowsAsync<JobManagerApiException>(() =>
            Admin.GetNextScheduleTimesAsync(new ScheduleQuery("cron(0 9 * * ? *)") { Timezone = "Mars/Olympus" }));

        Assert.Equal("Europe/Paris", zoned.Timezone);
        Assert.Equal([new DateTimeOffset(2027, 1, 10, 8, 0, 0, TimeSpan.Zero)], zoned.Times);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("timezone", unknown.FieldErrors.Keys);
    }
}
