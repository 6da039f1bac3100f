using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JobManager.Api.Contracts;

/// <summary>
/// Every timestamp the Api writes is UTC with exactly three fraction digits and <c>Z</c>
/// (<c>2026-11-27T10:00:00.120Z</c>), as the README shows and as <c>created_at</c> of a key always was:
/// the serializer's default drops trailing zeros, so one response mixed <c>.69Z</c> and <c>.123Z</c>.
/// </summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(
            (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString(Format, CultureInfo.InvariantCulture));
}
