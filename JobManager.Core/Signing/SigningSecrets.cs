namespace JobManager.Core.Signing;

/// <summary>A service's signing secrets: the current one, and the previous one until it expires.</summary>
public sealed record SigningSecrets(string Current, string? Previous, long? PreviousUntilMs)
{
    /// <summary>The secrets a webhook sent at <paramref name="nowMs"/> is signed with, current first.</summary>
    public IReadOnlyList<string> ActiveAt(long nowMs) =>
        Previous is not null && PreviousUntilMs > nowMs ? [Current, Previous] : [Current];
}
