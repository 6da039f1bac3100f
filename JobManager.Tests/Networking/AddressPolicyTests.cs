using System.Net;
using JobManager.Core.Networking;

namespace JobManager.Tests.Networking;

public sealed class AddressPolicyTests
{
    private static readonly AddressPolicy NothingAllowed = new([]);

    // Every range the issue lists, its edges, and the IPv6 forms that carry an IPv4 address.
    [Theory]
    // loopback
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("::1")]
    // private
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    // link-local, cloud metadata
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    // carrier-grade NAT
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    // "this network", multicast, reserved, broadcast
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("ff02::1")]
    // unique-local (AWS's IPv6 metadata address fd00:ec2::254 among them), unspecified
    [InlineData("fc00::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("::")]
    // IPv4-mapped, IPv4-compatible, NAT64 and 6to4 forms of blocked IPv4 addresses
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::1")]
    public void Refusal_NamesTheRange_ForNonPublicAddresses(string address)
    {
        var refusal = NothingAllowed.Refusal(IPAddress.Parse(address));

        Assert.NotNull(refusal);
        Assert.Contains("/", refusal, StringComparison.Ordinal); // names the CIDR range it fell in
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.15.255.255")] // just below 172.16/12
    [InlineData("172.32.0.0")]     // just above
    [InlineData("100.63.255.255")] // just below 100.64/10
    [InlineData("100.128.0.0")]    // just above
    [InlineData("169.253.255.255")]
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")] // NAT64 of 8.8.8.8
    public void Refusal_IsNull_ForPublicAddresses(string address)
    {
        Assert.Null(NothingAllowed.Refusal(IPAddress.Parse(address)));
    }

    [Fact]
    public void Refusal_NamesTheMetadataService()
    {
        Assert.Contains("metadata", NothingAllowed.Refusal(IPAddress.Parse("169.254.169.254")), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_IgnoresTheIPv6Zone()
    {
        Assert.NotNull(NothingAllowed.Refusal(IPAddress.Parse("fe80::1%2")));
    }

    // AllowedNetworks: exactly what is listed, in either spelling of an IPv4 address, and no more.
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.10.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::1")]
    public void AllowedNetworks_LetLoopbackThrough_WhenListed(string address)
    {
        var policy = new AddressPolicy([IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]);
        Assert.Null(policy.Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("fe80::1")]
    public void AllowedNetworks_StillRefuseWhatIsNotListed(string address)
    {
        var policy = new AddressPolicy([IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]);
        Assert.NotNull(policy.Refusal(IPAddress.Parse(address)));
    }

    [Fact]
    public void AllowedNetwork_CanOpenOneSubnetOfAPrivateRange()
    {
        var policy = new AddressPolicy([IPNetwork.Parse("10.20.0.0/16")]);
        Assert.Null(policy.Refusal(IPAddress.Parse("10.20.3.4")));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("10.21.3.4")));
    }
}
