namespace JobManager.Core.Telemetry;

/// <summary>
/// The attribute names JobManager puts on its spans, metric points and log scopes, namespaced as
/// OpenTelemetry asks (<c>service</c> alone would read as the OpenTelemetry resource's own service).
/// Never a callback token, a callback URL or a payload: see <c>docs/observability.md</c>.
/// </summary>
public static class TelemetryTags
{
    /// <summary>The job's owning service, as in <c>/services/{service}/jobs/{job}</c>.</summary>
    public const string Service = "jobmanager.service";

    /// <summary>The job's name. Spans and logs only: one metric series per job would not scale.</summary>
    public const string Job = "jobmanager.job";

    /// <summary>The execution id. Spans and logs only.</summary>
    public const string ExecutionId = "jobmanager.execution.id";

    /// <summary>The delivery attempt (1, raised by each takeover). Spans and logs only.</summary>
    public const string Attempt = "jobmanager.execution.attempt";

    /// <summary><c>pending</c>, <c>running</c>, <c>success</c> or <c>failure</c>.</summary>
    public const string Status = "jobmanager.execution.status";

    /// <summary>Why an execution failed: <c>reported</c>, <c>timeout</c>, <c>invocation_failed</c>, <c>exclusive_conflict</c>.</summary>
    public const string Reason = "jobmanager.execution.reason";

    /// <summary>A callback's <c>status</c> field: <c>success</c>, <c>failure</c> or <c>heartbeat</c>.</summary>
    public const string CallbackKind = "jobmanager.callback.kind";

    /// <summary>What a callback did: <c>applied</c>, <c>already_finished</c> or <c>not_found</c>.</summary>
    public const string CallbackOutcome = "jobmanager.callback.outcome";

    /// <summary>How a webhook was answered: <c>accepted</c> (2xx), <c>rejected</c> (any other status) or <c>error</c> (no
    /// answer).</summary>
    public const string WebhookOutcome = "jobmanager.webhook.outcome";

    /// <summary>The shard (the <c>{N}</c> of its Redis keys) a batch of work belongs to. Spans only.</summary>
    public const string Shard = "jobmanager.shard";

    /// <summary>How many items one batched call carried, e.g. webhook answers recorded together. Spans only.</summary>
    public const string BatchSize = "jobmanager.batch.size";
}
