using System.Net;
using System.Net.Sockets;
using JobManager.Core.Configuration;

namespace JobManager.Core.Networking;

/// <summary>
/// Decides whether a webhook may connect to an address: not to a <see cref="BlockedNetworks"/> range
/// unless <c>JobManager:Webhooks:AllowedNetworks</c> allows it. An IPv6 address that carries an IPv4
/// address (IPv4-mapped <c>::ffff:a.b.c.d</c>, NAT64 <c>64:ff9b::/96</c>, 6to4 <c>2002::/16</c>) is
/// judged by that IPv4 address too, since that is where the packets go.
/// </summary>
public sealed class AddressPolicy(IEnumerable<IPNetwork> allowedNetworks)
{
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private readonly IPNetwork[] _allowed = [.. allowedNetworks];

    /// <summary>The policy of <see cref="WebhookOptions.AllowedNetworks"/> (validated at start).</summary>
    public static AddressPolicy From(WebhookOptions options) =>
        new(options.AllowedNetworks.Select(network => IPNetwork.Parse(network.Trim())));

    /// <summary>Why the address is refused, or null when a webhook may connect to it.</summary>
    public string? Refusal(IPAddress address)
    {
        foreach (var candidate in Candidates(address))
        {
            if (BlockedNetworks.Find(candidate) is { } range && !_allowed.Any(n => BlockedNetworks.Contains(n, candidate)))
            {
                var shown = candidate.Equals(address) ? $"{candidate}" : $"{address} (that is {candidate})";
                return $"{shown} is {range.Name}";
            }
        }
        return null;
    }

    /// <summary>The address itself without a zone, and every IPv4 address it carries.</summary>
    private static IEnumerable<IPAddress> Candidates(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            yield return address;
            yield break;
        }
        var bytes = address.GetAddressBytes();
        var unscoped = new IPAddress(bytes);
        if (unscoped.IsIPv4MappedToIPv6)
        {
            yield return unscoped.MapToIPv4();
            yield break;
        }
        yield return unscoped;
        if (Nat64.Contains(unscoped))
        {
            yield return new IPAddress(bytes.AsSpan(12, 4));
        }
        else if (SixToFour.Contains(unscoped))
        {
            yield return new IPAddress(bytes.AsSpan(2, 4));
        }
    }
}
