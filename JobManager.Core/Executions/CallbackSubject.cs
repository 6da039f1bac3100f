using JobManager.Core.Jobs;

namespace JobManager.Core.Executions;

/// <summary>
/// The execution a callback named, as telemetry needs it: whose it is, the current attempt, when its
/// webhook was sent (null until the webhook's answer is recorded) and the W3C <c>traceparent</c> of the
/// dispatch span that sent it (null when the dispatcher was not traced).
/// </summary>
public sealed record CallbackSubject(JobRef Job, int Attempt, long? InvokedMs, string? TraceParent);
