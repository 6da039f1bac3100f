namespace JobManager.Client.Resources;

/// <summary>The saved job, and whether the <c>PUT</c> created it (201) rather than updated it (200).</summary>
public sealed record PutJobResult(Job Job, bool Created);
