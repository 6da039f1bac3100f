using System.Globalization;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;

namespace JobManager.Api.Validation;

/// <summary>Reads and checks path names and listing query parameters, collecting named errors.</summary>
public sealed class QueryReader(ValidationErrors errors)
{
    public ValidationErrors Errors => errors;

    public JobRef Job(string service, string job)
    {
        Name("service", service);
        Name("job", job);
        return new JobRef(service, job);
    }

    public string Name(string field, string value)
    {
        if (ResourceName.Problem(value) is { } problem)
        {
            errors.Add(field, problem);
        }
        return value;
    }

    public int Limit(string? text)
    {
        if (text is null)
        {
            return Paging.DefaultLimit;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= Paging.MaxLimit)
        {
            return limit;
        }
        errors.Add("limit", $"must be a whole number from 1 to {Paging.MaxLimit}, got \"{text}\"");
        return Paging.DefaultLimit;
    }

    /// <summary>The position a cursor stands for; <paramref name="isValid"/> checks the decoded text.</summary>
    public string? Cursor(string? text, Func<string, bool>? isValid = null)
    {
        if (!PageCursor.TryDecode(text, out var position) || (position is not null && isValid is not null && !isValid(position)))
        {
            errors.Add("cursor", "is not a cursor this API issued; pass next_cursor from the previous page unchanged");
            return null;
        }
        return position;
    }

    public bool? Bool(string field, string? text)
    {
        switch (text)
        {
            case null: return null;
            case "true": return true;
            case "false": return false;
            default:
                errors.Add(field, $"must be true or false, got \"{text}\"");
                return null;
        }
    }

    public string? Status(string? text)
    {
        if (text is null || ExecutionStatus.All.Contains(text))
        {
            return text;
        }
        errors.Add("status", $"must be one of {string.Join(", ", ExecutionStatus.All)}, got \"{text}\"");
        return null;
    }

    /// <summary>An ISO-8601 instant; without an offset it is taken as UTC.</summary>
    public DateTimeOffset? Instant(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var value))
        {
            return value;
        }
        errors.Add(field, $"must be an ISO-8601 date and time such as 2026-12-01T10:00:00Z, got \"{text}\"");
        return null;
    }
}
