using JobManager.Core.Callbacks;
using JobManager.Core.Configuration;
using Microsoft.Extensions.Options;

namespace JobManager.Tests.Callbacks;

/// <summary><see cref="CallbackToken"/>: a token verifies for the execution and attempt it was made for, and nothing else.</summary>
public class CallbackTokenTests
{
    private const string ExecutionId = "0003b1f3-6a2e-4c1d-9f00-5e8a7c6b4d21";
    private const string OtherExecutionId = "0003b1f3-6a2e-4c1d-9f00-5e8a7c6b4d22";

    private static readonly CallbackToken Tokens = Create("a-secret-of-at-least-thirty-two-characters");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    public void Verify_ReturnsTheAttempt_ForATokenItCreated(int attempt)
    {
        var token = Tokens.Create(ExecutionId, attempt);

        Assert.Equal(attempt, Tokens.Verify(ExecutionId, token));
        Assert.StartsWith($"{attempt}.", token, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Refuses_AnotherExecutionsToken()
        => Assert.Null(Tokens.Verify(OtherExecutionId, Tokens.Create(ExecutionId, 1)));

    [Fact]
    public void Verify_Refuses_ATokenFromAnotherDeployment()
    {
        var other = Create("another-secret-of-at-least-thirty-two-chars");

        Assert.Null(Tokens.Verify(ExecutionId, other.Create(ExecutionId, 1)));
    }

    [Fact]
    public void Verify_Refuses_ATokenWhoseAttemptWasRaised()
    {
        var token = Tokens.Create(ExecutionId, 1);

        Assert.Null(Tokens.Verify(ExecutionId, "2" + token[1..]));
    }

    [Fact]
    public void Verify_Refuses_ATokenWithOneCharacterOfItsMacChanged()
    {
        var token = Tokens.Create(ExecutionId, 1);

        // The first and a middle character: each carries six bits of the MAC.
        Assert.Null(Tokens.Verify(ExecutionId, Replace(token, 2)));
        Assert.Null(Tokens.Verify(ExecutionId, Replace(token, 20)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(30)]
    public void Verify_Refuses_ATruncatedToken(int removed)
    {
        var token = Tokens.Create(ExecutionId, 1);

        Assert.Null(Tokens.Verify(ExecutionId, token[..^removed]));
    }

    [Fact]
    public void Verify_Refuses_ATokenWithSomethingAppended()
        => Assert.Null(Tokens.Verify(ExecutionId, Tokens.Create(ExecutionId, 1) + "A"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1.")]
    [InlineData("1")]
    [InlineData(".abc")]
    [InlineData("-1.abc")]
    [InlineData("+1.abc")]
    [InlineData("x.abc")]
    [InlineData("1.not base64url!")]
    public void Verify_Refuses_MalformedTokens(string? token)
        => Assert.Null(Tokens.Verify(ExecutionId, token));

    [Fact]
    public void Verify_Refuses_ATokenLongerThan128Characters()
        => Assert.Null(Tokens.Verify(ExecutionId, "1." + new string('A', 127)));

    [Fact]
    public void Verify_Refuses_AnAttemptWrittenWithALeadingZero()
    {
        // "01" and "1" would be one attempt with two MACs; the MAC covers the text, so "01" fails.
        var token = Tokens.Create(ExecutionId, 1);

        Assert.Null(Tokens.Verify(ExecutionId, "0" + token));
    }

    private static string Replace(string token, int index) =>
        string.Concat(token.AsSpan(0, index), token[index] == 'A' ? "B" : "A", token.AsSpan(index + 1));

    private static CallbackToken Create(string secret) =>
        new(Options.Create(new JobManagerOptions { CallbackSecret = secret }));
}
