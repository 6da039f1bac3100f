namespace JobManager.Client.Webhooks;

/// <summary>A verified webhook: its body and headers.</summary>
internal sealed record JobWebhook(WebhookBody Body, string Id, DateTimeOffset Timestamp);
