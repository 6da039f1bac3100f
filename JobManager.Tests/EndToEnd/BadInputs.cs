using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace JobManager.Tests.EndToEnd;

/// <summary>
/// Generators of input the Api must refuse: each value is wrong by construction (a schedule that never
/// closes its parenthesis, a number out of range, a value of the wrong JSON type), so a 2xx is a bug.
/// </summary>
public static class BadInputs
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>Printable ASCII, braces and quotes included.</summary>
    public static readonly Gen<string> Text = Gen.Char[' ', '~'].Array[0, 40].Select(chars => new string(chars));

    private static readonly Gen<string> Word = Gen.Char["abcdefghijklmnopqrstuvwxyz"].Array[1, 12].Select(chars => new string(chars));

    private static readonly Gen<int> OutOfDayRange = AnyOf(
        Gen.Int[int.MinValue, -1], Gen.Int[86_401, int.MaxValue]);

    // Typed as generators, so overload resolution cannot take them for constants of type Gen<T>.
    private static Gen<T> AnyOf<T>(params IGen<T>[] generators) => Gen.OneOf(generators);

    private static Gen<JsonNode> Of(params JsonNode[] values) => Gen.OneOf(values).Select(v => v.DeepClone());

    private static readonly Gen<JsonNode> NotAString = Of(1, true, new JsonArray(), new JsonObject());
    private static readonly Gen<JsonNode> NotABool = Of("true", 1, 0, new JsonArray(), new JsonObject());
    private static readonly Gen<JsonNode> NotAnInteger = Of("300", true, 1.5, new JsonArray(), new JsonObject());

    private static readonly Gen<JsonNode> BadSchedule = AnyOf(
        Text.Select(s => (JsonNode)("cron(" + s.Replace(")", "", StringComparison.Ordinal))),
        Gen.Int[60, 100_000].Select(minute => (JsonNode)$"cron({minute} * * * ? *)"),
        Word.Select(unit => (JsonNode)$"rate(5 x{unit})"),
        Gen.Int[int.MinValue, 0].Select(n => (JsonNode)$"rate({n} minutes)"),
        Text.Select(s => (JsonNode)$"at({s})"),
        Word.Select(w => (JsonNode)w),
        NotAString);

    private static readonly Gen<JsonNode> BadTarget = AnyOf(
        Word.Select(w => (JsonNode)w),
        Word.Select(w => (JsonNode)$"/{w}/hook"),
        Word.Select(w => (JsonNode)$"ftp://{w}.example/hook"),
        NotAString);

    /// <summary>One field of a valid job set to a wrong value, an unknown field, or a required one left out.</summary>
    private static readonly Gen<(string Field, JsonNode? Value)> BadField = AnyOf(
        BadSchedule.Select(v => ("schedule", (JsonNode?)v)),
        BadTarget.Select(v => ("invocation_target", (JsonNode?)v)),
        AnyOf(OutOfDayRange.Select(n => (JsonNode)n), NotAnInteger).Select(v => ("ttl_seconds", (JsonNode?)v)),
        AnyOf(OutOfDayRange.Select(n => (JsonNode)n), NotAnInteger).Select(v => ("catchup_window_seconds", (JsonNode?)v)),
        AnyOf(Of(false), NotABool).Select(v => ("async", (JsonNode?)v)),
        NotABool.Select(v => ("enabled", (JsonNode?)v)),
        NotABool.Select(v => ("exclusive", (JsonNode?)v)),
        AnyOf(Word.Where(w => w != "http").Select(w => (JsonNode)w), NotAString).Select(v => ("invocation_type", (JsonNode?)v)),
        Of(1, true, new JsonArray(), new JsonObject()).Select(v => ("payload", (JsonNode?)v)),
        Gen.Select(Word, Text, (name, value) => ("x_" + name, (JsonNode?)value)),
        Gen.OneOf("schedule", "invocation_target").Select(field => (field, (JsonNode?)null)));

    /// <summary>A job body the Api must refuse: a valid job with one bad field, or not a job at all.</summary>
    public static Gen<string> JobBody(JsonObject valid) => AnyOf(BadField.Select(bad =>
        {
            var body = valid.DeepClone().AsObject();
            if (bad.Value is null)
            {
                body.Remove(bad.Field);
            }
            else
            {
                body[bad.Field] = bad.Value;
            }
            return body.ToJsonString();
        }),
        Gen.Int[0, valid.ToJsonString().Length - 1].Select(cut => valid.ToJsonString()[..cut]),
        Text.Where(text => !text.TrimStart().StartsWith('{')),
        Of(new JsonArray(), "job", 1).Select(node => node.ToJsonString()));

    /// <summary>A resource name the pattern <c>^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$</c> refuses.</summary>
    public static readonly Gen<string> BadName = AnyOf(
        Gen.Select(Word, Gen.Char["!$'()*+,;=@~ :"], Word, (a, bad, b) => a + bad + b),
        Word.Select(w => "-" + w),
        Word.Select(w => "_" + w),
        Gen.Int[65, 200].Select(length => new string('a', length)));

    /// <summary>A callback token that is not the execution's: any length, from the base64url alphabet or not.</summary>
    public static readonly Gen<string> Token = AnyOf(
        Gen.Char[Base64UrlAlphabet].Array[43].Select(chars => new string(chars)),
        Gen.Char[Base64UrlAlphabet].Array[1, 80].Select(chars => new string(chars)),
        Text.Select(s => "t" + s));

    /// <summary>A callback body the Api must refuse.</summary>
    public static readonly Gen<string> CallbackBody = AnyOf(
        Word.Where(w => w is not ("success" or "failure" or "heartbeat")).Select(w => new JsonObject { ["status"] = w }.ToJsonString()),
        NotAString.Select(v => new JsonObject { ["status"] = v }.ToJsonString()),
        Gen.Select(Gen.OneOf("state", "summary", "correlation_id"), NotAString,
            (field, v) => new JsonObject { ["status"] = "success", [field] = v }.ToJsonString()),
        Gen.Select(Word, Text, (name, value) => new JsonObject { ["status"] = "success", ["x_" + name] = value }.ToJsonString()),
        Gen.Int[0, 19].Select(cut => """{"status":"success"}"""[..cut]),
        Text.Where(text => !text.TrimStart().StartsWith('{')),
        Gen.Const("{}"));

    /// <summary>A listing query with one bad parameter (name and value, unescaped).</summary>
    public static readonly Gen<(string Name, string Value)> ListingQuery = AnyOf(
        AnyOf(Gen.Int[int.MinValue, 0], Gen.Int[1001, int.MaxValue]).Select(n => ("limit", n.ToString(CultureInfo.InvariantCulture))),
        Word.Select(w => ("limit", w)),
        Gen.Char[Base64UrlAlphabet].Array[1, 40].Select(chars => ("cursor", "~" + new string(chars))),
        Word.Select(w => ("enabled", w)));

    /// <summary>A bad parameter only the execution listings take.</summary>
    public static readonly Gen<(string Name, string Value)> ExecutionQuery = AnyOf(
        ListingQuery.Where(q => q.Name != "enabled"),
        Word.Where(w => !Core.Executions.ExecutionStatus.All.Contains(w)).Select(w => ("status", w)),
        Gen.Select(Gen.OneOf("from", "to"), Word, (name, w) => (name, "x" + w)));
}
