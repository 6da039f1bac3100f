using JobManager.Core.Callbacks;
using JobManager.Core.Configuration;
using Microsoft.Extensions.Options;

namespace JobManager.Tests.Callbacks;

/// <summary><see cref="CallbackToken"/>: a token verifies for the execution it was made for, and nothing else.</summary>
public class CallbackTokenTests
{
    private const string ExecutionId = "0003b1f3-6a2e-4c1d-9f00-5e8a7c6b4d21";
    private const string OtherExecutionId = "0003b1f3-6a2e-4c1d-9f00-5e8a7c6b4d22";

    private static readonly CallbackToken Tokens = Create("a-secret-of-at-least-thirty-two-characters");

    [Fact]
    public void Verify_Accepts_ATokenItCreated_AndTheTokenIsStable()
    {
        var token = Tokens.Create(ExecutionId);

        Assert.True(Tokens.Verify(ExecutionId, token));
        Assert.Equal(CallbackToken.Length, token.Length);
        // Every delivery of one execution carries the same callback URL.
        Assert.Equal(token, Tokens.Create(ExecutionId));
    }

    [Fact]
    public void Verify_Refuses_AnotherExecutionsToken()
        => Assert.False(Tokens.Verify(OtherExecutionId, Tokens.Create(ExecutionId)));

    [Fact]
    public void Verify_Refuses_ATokenFromAnotherDeployment()
    {
        var other = Create("another-secret-of-at-least-thirty-two-chars");

        Assert.False(Tokens.Verify(ExecutionId, other.Create(ExecutionId)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Verify_Refuses_ATokenWithOneCharacterChanged(int index)
    {
        // The first and a middle character: each carries six bits of the MAC (the last carries filler bits).
        var token = Tokens.Create(ExecutionId);

        Assert.False(Tokens.Verify(ExecutionId, Replace(token, index)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(30)]
    public void Verify_Refuses_ATruncatedToken(int removed)
        => Assert.False(Tokens.Verify(ExecutionId, Tokens.Create(ExecutionId)[..^removed]));

    [Fact]
    public void Verify_Refuses_ATokenWithSomethingAppended()
        => Assert.False(Tokens.Verify(ExecutionId, Tokens.Create(ExecutionId) + "A"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.abc")]
    [InlineData("not base64url! not base64url! not base64url!")]
    // 43 characters of the alphabet whose last one sets bits beyond the 32 bytes: no issued token ends so.
    [InlineData("wlTjIVHAQsinvReAeGaKQpKBznKUrYRYijoQWpGhscV")]
    [InlineData("___________________________________________")]
    // Standard base64's characters, and padding, are not base64url.
    [InlineData("+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    public void Verify_Refuses_MalformedTokens(string? token)
        => Assert.False(Tokens.Verify(ExecutionId, token));

    private static string Replace(string token, int index) =>
        string.Concat(token.AsSpan(0, index), token[index] == 'A' ? "B" : "A", token.AsSpan(index + 1));

    private static CallbackToken Create(string secret) =>
        new(Options.Create(new JobManagerOptions { CallbackSecret = secret }));
}
