using JobManager.Core.Executions;
using JobManager.Core.Storage;

namespace JobManager.Tests.Storage;

/// <summary>How executions are named in their shard's keys and indexes, and the packed trace context.</summary>
public class ExecutionMemberTests
{
    [Fact]
    public void Member_IsNineteenCharacters_AndNamesTheIdBack()
    {
        var id = ExecutionId.New(11);

        var member = RedisKeys.ExecutionMember(id);

        Assert.Equal(19, member.Length);
        Assert.Equal(id, RedisKeys.ExecutionIdOf(11, member));
    }

    [Theory]
    [InlineData("000b1f3e-9c2a-4d6e-8f10-23456789abcd", "6nuR9ZpiYl-YGLT8ewo")]
    [InlineData("00000000-0000-0000-0000-000000000000", "-------------------")]
    [InlineData("0000ffff-ffff-ffff-ffff-ffffffffffff", "zzzzzzzzzzzzzzzzzzw")]
    public void Member_WritesTheIdAfterItsShardInOrderPreservingBase64(string id, string member)
    {
        Assert.Equal(member, RedisKeys.ExecutionMember(id));
        Assert.Equal(id, RedisKeys.ExecutionIdOf(ExecutionId.TryGetShard(id, 16, out var shard) ? shard.Value : -1, member));
    }

    [Fact]
    public void Members_SortAsTheirIds_SoListingsTiedOnScheduledTimeKeepTheirOrder()
    {
        var ids = Enumerable.Range(0, 2_000).Select(_ => ExecutionId.New(3)).ToList();

        var byId = ids.Order(StringComparer.Ordinal).ToList();
        var byMember = ids.OrderBy(RedisKeys.ExecutionMember, StringComparer.Ordinal).ToList();

        Assert.Equal(byId, byMember);
    }

    [Fact]
    public void TraceParent_IsPackedInto26Bytes_AndReadBackAsWritten()
    {
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        var stored = TraceParentField.Pack(traceParent);

        Assert.Equal(26, ((byte[])stored!).Length);
        Assert.Equal(traceParent, TraceParentField.Unpack(stored));
    }

    [Theory]
    [InlineData("not-a-traceparent")]
    [InlineData("00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01")]
    public void TraceParent_OfAnotherShape_IsStoredAsWritten(string traceParent) =>
        Assert.Equal(traceParent, TraceParentField.Unpack(TraceParentField.Pack(traceParent)));

    [Fact]
    public void TraceParent_Absent_IsStoredEmpty_AndReadAsNone()
    {
        Assert.Equal("", (string?)TraceParentField.Pack(null));
        Assert.Null(TraceParentField.Unpack(StackExchange.Redis.RedisValue.Null));
    }
}
