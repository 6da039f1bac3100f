namespace JobManager.Cli;

/// <summary>The command cannot run as given (exit code 2); the message says what to change.</summary>
public sealed class UsageException(string message) : Exception(message);
