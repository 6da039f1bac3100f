using JobManager.Core.Executions;

namespace JobManager.Tests.Executions;

/// <summary><see cref="ExecutionId"/>: random UUID-shaped ids whose first four hex digits name the shard.</summary>
public class ExecutionIdTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(11, 16)]
    [InlineData(4095, 4096)]
    public void TryGetShard_ReadsTheShardANewIdWasMadeFor(int shard, int shardCount)
    {
        var id = ExecutionId.New(shard);

        Assert.True(ExecutionId.TryGetShard(id, shardCount, out var read));
        Assert.Equal(shard, read);
        Assert.Equal(36, id.Length);
        Assert.True(Guid.TryParseExact(id, "D", out _));
    }

    [Fact]
    public void New_MakesADifferentIdEachTime()
        => Assert.NotEqual(ExecutionId.New(3), ExecutionId.New(3));

    [Theory]
    // Shard 16 of a 16-shard deployment does not exist.
    [InlineData("00100000-1111-4222-8333-444444444444")]
    // Upper case: ids are issued in lower case, and one id must have one key.
    [InlineData("0000000A-1111-4222-8333-444444444444")]
    [InlineData("00000000111142228333444444444444")]
    [InlineData("{00000000-1111-4222-8333-444444444444}")]
    [InlineData("not-an-id")]
    [InlineData("")]
    [InlineData(null)]
    public void TryGetShard_Refuses_IdsThisDeploymentCannotHaveIssued(string? id)
    {
        Assert.False(ExecutionId.TryGetShard(id, 16, out var shard));
        Assert.Null(shard);
    }
}
