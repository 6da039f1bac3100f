namespace JobManager.Api.OperatorConsole;

/// <summary>The console's public configuration, read by the browser before the user signs in.</summary>
public sealed record ConsoleConfigResponse(string? DashboardUrl);
