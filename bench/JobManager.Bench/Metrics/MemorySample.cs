namespace JobManager.Bench.Metrics;

/// <summary>One <c>INFO memory</c> reading: bytes in use, bytes of data (used minus Redis's overhead), and the key count.</summary>
public sealed record MemorySample(long UsedBytes, long DatasetBytes, long Keys);
