using System.Net;

namespace JobManager.Core.Networking;

/// <summary>
/// The networks a webhook may not reach unless an operator allows them: everything that is not the
/// public internet, where a user-typed URL could otherwise reach our own hosts, the cloud metadata
/// service or the private network (server-side request forgery, OWASP API7).
/// </summary>
public static class BlockedNetworks
{
    /// <summary>A blocked range and what it is, for the message that explains a refusal.</summary>
    public sealed record Range(IPNetwork Network, string Name);

    /// <summary>In order of specificity: the first match names the refusal.</summary>
    public static IReadOnlyList<Range> All { get; } =
    [
        // IPv4
        new(IPNetwork.Parse("0.0.0.0/8"), "\"this network\" (0.0.0.0/8)"),
        new(IPNetwork.Parse("10.0.0.0/8"), "private (10.0.0.0/8)"),
        new(IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT (100.64.0.0/10)"),
        new(IPNetwork.Parse("127.0.0.0/8"), "loopback (127.0.0.0/8)"),
        new(IPNetwork.Parse("169.254.169.254/32"), "the cloud metadata service (169.254.169.254/32)"),
        new(IPNetwork.Parse("169.254.0.0/16"), "link-local (169.254.0.0/16)"),
        new(IPNetwork.Parse("172.16.0.0/12"), "private (172.16.0.0/12)"),
        new(IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments (192.0.0.0/24)"),
        new(IPNetwork.Parse("192.168.0.0/16"), "private (192.168.0.0/16)"),
        new(IPNetwork.Parse("198.18.0.0/15"), "benchmarking (198.18.0.0/15)"),
        new(IPNetwork.Parse("224.0.0.0/4"), "multicast (224.0.0.0/4)"),
        new(IPNetwork.Parse("240.0.0.0/4"), "reserved or broadcast (240.0.0.0/4)"),
        // IPv6 (IPv4-mapped, NAT64 and 6to4 addresses are also checked as the IPv4 address they carry)
        new(IPNetwork.Parse("::1/128"), "IPv6 loopback (::1/128)"),
        new(IPNetwork.Parse("::/128"), "the unspecified address (::/128)"),
        new(IPNetwork.Parse("::/96"), "IPv4-compatible IPv6 (::/96, deprecated)"),
        new(IPNetwork.Parse("64:ff9b:1::/48"), "local-use NAT64 (64:ff9b:1::/48)"),
        new(IPNetwork.Parse("100::/64"), "discard-only (100::/64)"),
        new(IPNetwork.Parse("2001::/32"), "Teredo (2001::/32)"),
        new(IPNetwork.Parse("fc00::/7"), "unique-local (fc00::/7)"),
        new(IPNetwork.Parse("fe80::/10"), "IPv6 link-local (fe80::/10)"),
        new(IPNetwork.Parse("fec0::/10"), "IPv6 site-local (fec0::/10, deprecated)"),
        new(IPNetwork.Parse("ff00::/8"), "IPv6 multicast (ff00::/8)"),
    ];

    /// <summary>The blocked range holding the address, or null for a public address.</summary>
    public static Range? Find(IPAddress address) => All.FirstOrDefault(range => Contains(range.Network, address));

    /// <summary>Containment within one address family only (no implicit IPv4-mapped matching).</summary>
    internal static bool Contains(IPNetwork network, IPAddress address) =>
        network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address);
}
