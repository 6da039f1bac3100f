namespace JobManager.Api.Contracts;

/// <summary>One try at delivering the webhook: when, and the HTTP status or error.</summary>
public sealed record DeliveryAttemptResponse(DateTime At, int? HttpStatus, string? Error);
