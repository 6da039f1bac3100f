using System.Net;
using JobManager.Core.Networking;

namespace JobManager.Tests.Networking;

/// <summary>The PUT-time check: a target whose host is a blocked address in any spelling is refused.</summary>
public sealed class LiteralTargetTests
{
    private static readonly AddressPolicy NothingAllowed = new([]);

    [Theory]
    // the corpus
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://0x7f.0.0.1/hook")]
    [InlineData("http://2130706433/hook")]
    [InlineData("http://017700000001/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://2852039166/")]
    [InlineData("http://0251.0376.0251.0376/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://10.0.0.1/")]
    // short forms, other radixes, padding, trailing dots, case, ports, https
    [InlineData("http://127.1/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://127.000.000.001/")]
    [InlineData("http://127.0.0.1./")]
    [InlineData("https://LOCALHOST:8443/")]
    [InlineData("http://localhost./")]
    [InlineData("http://api.localhost/")]
    [InlineData("http://0/")]
    [InlineData("http://0.0.0.0:8080/")]
    // bracketed IPv6 spellings
    [InlineData("http://[0:0:0:0:0:0:0:1]/")]
    [InlineData("http://[::ffff:7f00:1]/")]
    [InlineData("http://[::ffff:127.0.0.1]:9/")]
    [InlineData("http://[fe80::1%25eth0]/")]
    [InlineData("http://[fd00:ec2::254]/")]
    // the ideographic full stop, which URL parsing takes for a dot
    [InlineData("http://127。0。0。1/")]
    public void Refusal_RefusesBlockedLiterals_InAnySpelling(string target)
    {
        var refusal = LiteralTarget.Refusal(new Uri(target), NothingAllowed);

        Assert.NotNull(refusal);
        Assert.StartsWith("must not point at a non-public address", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://my-service.example/jobs/run")]
    [InlineData("http://93.184.215.14/")]
    [InlineData("http://[2606:4700::6810:84e5]/")]
    [InlineData("http://1.2.3.4.5/")]         // not an address: a name, judged when connecting
    [InlineData("http://localhost.example/")] // a name that merely starts with localhost
    [InlineData("http://internal-host/")]     // a name; DNS decides at connect time
    public void Refusal_IsNull_ForPublicLiteralsAndNames(string target)
    {
        Assert.Null(LiteralTarget.Refusal(new Uri(target), NothingAllowed));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("http://2130706433/")]
    public void Refusal_IsNull_ForLoopback_WhenLoopbackIsAllowed(string target)
    {
        var policy = new AddressPolicy([IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]);
        Assert.Null(LiteralTarget.Refusal(new Uri(target), policy));
    }
}
