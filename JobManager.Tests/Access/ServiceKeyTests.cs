using System.Buffers.Text;
using JobManager.Core.Access;

namespace JobManager.Tests.Access;

public sealed class ServiceKeyTests
{
    [Fact]
    public void Generate_MakesAJmKey_WithAtLeast32RandomBytes_AndItsId()
    {
        var (keyId, key) = ServiceKey.Generate();

        Assert.StartsWith($"jm_{keyId}_", key, StringComparison.Ordinal);
        var secret = key[$"jm_{keyId}_".Length..];
        Assert.Equal(32, Base64Url.DecodeFromChars(secret).Length);
        Assert.Matches("^[0-9a-f]{16}$", keyId);
    }

    [Fact]
    public void Generate_NeverRepeats()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ServiceKey.Generate().Key).ToHashSet();
        Assert.Equal(1000, keys.Count);
    }

    [Fact]
    public void TryGetKeyId_ReadsTheIdOfAGeneratedKey()
    {
        var (keyId, key) = ServiceKey.Generate();
        Assert.True(ServiceKey.TryGetKeyId(key, out var read));
        Assert.Equal(keyId, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("jm_")]
    [InlineData("not-a-key")]
    [InlineData("jm_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // upper-case id
    [InlineData("jm_0123456789abcdef-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // wrong separator
    [InlineData("jm_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]  // secret one short
    [InlineData("xx_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryGetKeyId_RefusesMalformedKeys(string presented)
    {
        Assert.False(ServiceKey.TryGetKeyId(presented, out _));
    }

    [Fact]
    public void Hash_IsSha256_AndDiffersForAnyOtherKey()
    {
        var (_, key) = ServiceKey.Generate();
        Assert.Equal(32, ServiceKey.Hash(key).Length);
        Assert.Equal(ServiceKey.Hash(key), ServiceKey.Hash(key));
        Assert.NotEqual(ServiceKey.Hash(key), ServiceKey.Hash(key[..^1] + (key[^1] == 'A' ? 'B' : 'A')));
    }
}
