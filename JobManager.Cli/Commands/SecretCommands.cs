using System.CommandLine;

namespace JobManager.Cli.Commands;

/// <summary><c>jm secret rotate</c>.</summary>
internal static class SecretCommands
{
    public static Command Create(CliApp app)
    {
        var secret = new Command("secret", "The service's webhook signing secret");
        var service = GlobalOptions.Service();
        var rotate = new Command("rotate",
            "Create or replace the signing secret; printed once. The old one still signs until previous_valid_until")
        {
            service,
        };
        app.Handle(rotate, async (context, cancellationToken) =>
        {
            var rotated = await context.Client.RotateSigningSecretAsync(context.Service(service), cancellationToken);
            context.Printer.Item(rotated, [("secret", rotated.Secret), ("previous_valid_until", Views.Time(rotated.PreviousValidUntil))]);
            return ExitCodes.Ok;
        });
        secret.Add(rotate);
        return secret;
    }
}
