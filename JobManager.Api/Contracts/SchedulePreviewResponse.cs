namespace JobManager.Api.Contracts;

/// <summary>The next instants of a schedule expression.</summary>
public sealed record SchedulePreviewResponse(string Expression, IReadOnlyList<string> Times);
