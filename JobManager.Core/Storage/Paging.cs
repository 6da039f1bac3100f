namespace JobManager.Core.Storage;

/// <summary>Page size limits shared by every listing.</summary>
public static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>
    /// A filtered listing stops after examining this many stored items and hands back a cursor,
    /// so one request never scans a whole history; the page may then hold fewer than the limit.
    /// </summary>
    public const int MaxExaminedPerPage = 10_000;
}
