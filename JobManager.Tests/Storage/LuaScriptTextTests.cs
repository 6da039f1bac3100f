using System.Reflection;
using JobManager.Core.Storage;

namespace JobManager.Tests.Storage;

/// <summary>
/// Scripts go to Redis without their comment lines (StackExchange.Redis hashes a script's whole text on
/// every call), yet line for line, so an error's line number still points into the .lua file.
/// </summary>
public class LuaScriptTextTests
{
    [Fact]
    public void CommentLines_AreBlanked_CodeAndLineNumbersAreKept()
    {
        const string script = "-- header\n  -- indented note\nlocal x = 1 -- trailing note stays\r\n--[[ block\nstill a comment " +
            "]]\nreturn x\n";

        var sent = LuaScripts.WithoutCommentLines(script);

        Assert.Equal("\n\nlocal x = 1 -- trailing note stays\n--[[ block\nstill a comment ]]\nreturn x\n", sent);
    }

    // mark_started and mark_failed are sent inside batched.lua (one call per shard's batch).
    private static readonly string[] Batched = [nameof(LuaScripts.MarkStarted), nameof(LuaScripts.MarkFailed)];

    public static TheoryData<string> Scripts => [.. typeof(LuaScripts).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.Name).Except(Batched)];

    [Fact]
    public void BatchedScripts_AreSentWithoutCommentLines_AndHoldTheirScriptsCode()
    {
        foreach (var field in Batched)
        {
            var sent = (string)typeof(LuaScripts).GetField(field)!.GetValue(null)!;
            Assert.DoesNotContain(sent.Split('\n'), line => line.TrimStart().StartsWith("--", StringComparison.Ordinal));
            var code = LuaScripts.WithoutCommentLines(ReadResource(ScriptName(field))).Split('\n').Where(line => line.Trim().Length > 0);
            Assert.All(code, line => Assert.Contains(line, sent, StringComparison.Ordinal));
        }
    }

    private static string ReadResource(string name)
    {
        var resource = typeof(LuaScripts).Assembly.GetManifestResourceNames()
            .Single(n => n.EndsWith($".{name}.lua", StringComparison.Ordinal));
        using var reader = new StreamReader(typeof(LuaScripts).Assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void EveryScript_IsSentWithoutItsHeader_LineForLine(string field)
    {
        var sent = (string)typeof(LuaScripts).GetField(field)!.GetValue(null)!;
        var resource = typeof(LuaScripts).Assembly.GetManifestResourceNames()
            .Single(name => name.EndsWith($".{ScriptName(field)}.lua", StringComparison.Ordinal));
        using var reader = new StreamReader(typeof(LuaScripts).Assembly.GetManifestResourceStream(resource)!);
        var file = reader.ReadToEnd().ReplaceLineEndings("\n");

        Assert.Equal(file.Split('\n').Length, sent.Split('\n').Length);
        Assert.DoesNotContain(sent.Split('\n'), line => line.TrimStart().StartsWith("--", StringComparison.Ordinal));
        // The helpers put on a script's first or second line (fire_entry, job_health) are not its own text.
        var own = sent.Length - Helpers.Where(helper => sent.Contains(helper, StringComparison.Ordinal)).Sum(helper => helper.Length);
        Assert.True(own < file.Length, "every script has a header comment");
    }

    private static string JoinedHelper(string name) => string.Join(' ', LuaScripts.WithoutCommentLines(ReadResource(name)).Split('\n')
        .Select(line => line.Trim()).Where(line => line.Length > 0));

    private static readonly string[] Helpers = [JoinedHelper("fire_entry"), JoinedHelper("job_health")];

    [Theory]
    [InlineData(nameof(LuaScripts.ApplyCallback))]
    [InlineData(nameof(LuaScripts.ExpireDeadlines))]
    [InlineData(nameof(LuaScripts.ClaimDue))]
    [InlineData(nameof(LuaScripts.ArmReserved))]
    [InlineData(nameof(LuaScripts.CreateManualRun))]
    public void ScriptsThatEndExecutions_CarryTheJobHealthHelper_OnTheirSecondLine(string field)
    {
        var sent = ((string)typeof(LuaScripts).GetField(field)!.GetValue(null)!).Split('\n');

        Assert.Equal(JoinedHelper("job_health"), sent[1]);
        Assert.Single(sent, line => line.Contains("local function record_health", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(LuaScripts.ClaimDue), "fire_entry flex_offset")]
    [InlineData(nameof(LuaScripts.ReclaimPending), "fire_entry")]
    [InlineData(nameof(LuaScripts.ArmReserved), "fire_entry")]
    [InlineData(nameof(LuaScripts.UpsertJob), "flex_offset")]
    [InlineData(nameof(LuaScripts.RefillQueue), "flex_offset")]
    public void ScriptsThatShareHelpers_CarryThemOnTheirFirstLine(string field, string helpers)
    {
        var sent = ((string)typeof(LuaScripts).GetField(field)!.GetValue(null)!).Split('\n');
        var helper = helpers.Split(' ').SelectMany(name => LuaScripts.WithoutCommentLines(ReadResource(name)).Split('\n'))
            .Select(line => line.Trim()).Where(line => line.Length > 0);

        Assert.Equal(string.Join(' ', helper), sent[0]);
        foreach (var function in helpers.Split(' ').Select(name => $"local function {name}"))
        {
            Assert.Single(sent, line => line.Contains(function, StringComparison.Ordinal));
        }
    }

    // UpsertJob -> upsert_job
    private static string ScriptName(string field) =>
        string.Concat(
            field.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
