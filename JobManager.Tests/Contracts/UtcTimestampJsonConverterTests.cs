extern alias api;

using System.Text.Json;
using api::JobManager.Api.Contracts;

namespace JobManager.Tests.Contracts;

public class UtcTimestampJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new UtcTimestampJsonConverter() } };

    [Theory]
    [InlineData(690, "\"2026-11-27T07:55:22.690Z\"")]
    [InlineData(0, "\"2026-11-27T07:55:22.000Z\"")]
    [InlineData(123, "\"2026-11-27T07:55:22.123Z\"")]
    public void UtcTime_IsWritten_WithThreeFractionDigitsAndZ(int milliseconds, string expected)
    {
        var time = new DateTime(2026, 11, 27, 7, 55, 22, milliseconds, DateTimeKind.Utc);

        Assert.Equal(expected, JsonSerializer.Serialize(time, Options));
    }

    [Fact]
    public void LocalTime_IsWrittenAsUtc_AndReadsBackAsTheSameInstant()
    {
        var utc = new DateTime(2026, 11, 27, 7, 55, 22, 690, DateTimeKind.Utc);

        var json = JsonSerializer.Serialize(utc.ToLocalTime(), Options);
        var read = JsonSerializer.Deserialize<DateTime>(json, Options);

        Assert.Equal("\"2026-11-27T07:55:22.690Z\"", json);
        Assert.Equal(utc, read);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
    }
}
