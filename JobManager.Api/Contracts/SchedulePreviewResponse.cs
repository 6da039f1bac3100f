namespace JobManager.Api.Contracts;

/// <summary>
/// The next instants of a schedule expression, as UTC instants, and the IANA zone its <c>cron(...)</c> and
/// <c>at(...)</c> were read in (<c>UTC</c> unless <c>timezone</c> was given).
/// </summary>
public sealed record SchedulePreviewResponse(string Expression, IReadOnlyList<string> Times, string Timezone);
