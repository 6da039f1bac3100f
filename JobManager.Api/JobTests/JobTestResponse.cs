namespace JobManager.Api.JobTests;

/// <summary>What a test event did: the webhook's answer, and the callback (null when none came in time or none was awaited).</summary>
public sealed record JobTestResponse(WebhookTestResult Webhook, CallbackTestResult? Callback);

/// <summary>
/// The target's answer: its HTTP status (null when none came), how long it took, whether the request was signed,
/// and why it failed (null on 2xx).
/// </summary>
public sealed record WebhookTestResult(int? HttpStatus, long DurationMs, bool SignatureHeaderSent, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>The callback's final status and how long after the webhook was sent it arrived.</summary>
public sealed record CallbackTestResult(string Status, long AfterMs);
