using System.Text.Json;

namespace JobManager.Api.Validation;

/// <summary>Typed reads of one JSON object's fields that record a named error instead of throwing.</summary>
public sealed class JsonFields(JsonElement root, ValidationErrors errors)
{
    /// <summary>Reports every field not in <paramref name="known"/> as unknown, naming the ones a client may set.</summary>
    public void RejectUnknown(IReadOnlySet<string> known, IEnumerable<string> settable)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                errors.Add(property.Name, $"unknown field; the fields are {string.Join(", ", settable.Order(StringComparer.Ordinal))}");
            }
        }
    }

    public bool? Bool(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        errors.Add(name, $"must be a boolean (true or false), got {JsonBody.Describe(value.ValueKind)}");
        return null;
    }

    public string? String(string name, string? expectation = null)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        errors.Add(name, expectation ?? $"must be a string, got {JsonBody.Describe(value.ValueKind)}");
        return null;
    }

    public int? Int(string name, int min, int max)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            if (number >= min && number <= max)
            {
                return (int)number;
            }
            errors.Add(name, $"must be between {min} and {max}, got {number}");
            return null;
        }
        errors.Add(name, $"must be a whole number between {min} and {max}, got {JsonBody.Describe(value.ValueKind)}"
            + (value.ValueKind == JsonValueKind.Number ? $" {value.GetRawText()}" : ""));
        return null;
    }

    public bool Has(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
}
