using System.Net;

namespace JobManager.Core.Networking;

/// <summary>
/// The PUT-time half of the SSRF guard: a target whose host is an IP address, in any spelling a
/// resolver accepts (<c>2130706433</c>, <c>017700000001</c>, <c>0x7f.0.0.1</c>, <c>127.1</c>,
/// <c>[::ffff:7f00:1]</c>, <c>127。0。0。1</c>), or a <c>localhost</c> name, is judged by the
/// <see cref="AddressPolicy"/> at once, so the user learns at PUT rather than at the first failed run.
/// Names that need DNS are judged when a webhook connects (<see cref="GuardedConnector"/>).
/// </summary>
public static class LiteralTarget
{
    /// <summary>Why the target URL is refused, or null when its host is not a blocked literal.</summary>
    public static string? Refusal(Uri target, AddressPolicy policy)
    {
        foreach (var address in AddressesOf(target))
        {
            if (policy.Refusal(address) is { } refusal)
            {
                return $"must not point at a non-public address: {refusal}. " +
                    "Operators allow networks with JobManager:Webhooks:AllowedNetworks";
            }
        }
        return null;
    }

    /// <summary>
    /// The addresses a host stands for without DNS: the IP literal, or loopback for <c>localhost</c>
    /// and <c>*.localhost</c> (RFC 6761 reserves them for loopback). Empty for any other name.
    /// </summary>
    public static IReadOnlyList<IPAddress> AddressesOf(Uri target)
    {
        // IdnHost is the host as the webhook client will resolve it: IPv6 without brackets, the zone
        // percent-encoded, ideographic full stops read as dots. A trailing dot is the root, not a name.
        var host = target.IdnHost.TrimEnd('.');
        var zone = host.IndexOf('%', StringComparison.Ordinal);
        if (zone >= 0)
        {
            host = host[..zone];
        }
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        }
        // IPAddress.TryParse reads IPv4 as inet_aton does: decimal, octal (leading 0), hex (0x) and
        // one- to three-part forms, exactly the spellings that would reach the address.
        return IPAddress.TryParse(host, out var address) ? [address] : [];
    }
}
