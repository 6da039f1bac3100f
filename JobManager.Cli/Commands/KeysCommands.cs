using System.CommandLine;

namespace JobManager.Cli.Commands;

/// <summary><c>jm keys create|list|revoke</c>.</summary>
internal static class KeysCommands
{
    public static Command Create(CliApp app)
    {
        var keys = new Command("keys", "A service's API keys");

        var createService = GlobalOptions.Service();
        var create = new Command("create", "Create a key (admin key); the key is printed once, store it now") { createService };
        app.Handle(create, async (context, cancellationToken) =>
        {
            var created = await context.Client.CreateKeyAsync(context.Service(createService), cancellationToken);
            context.Printer.Item(created, [("key_id", created.KeyId), ("key", created.Key), ("created_at", Views.Time(created.CreatedAt))]);
            return ExitCodes.Ok;
        });

        var listService = GlobalOptions.Service();
        var list = new Command("list", "Key ids and creation times (never the keys)") { listService };
        app.Handle(list, async (context, cancellationToken) =>
        {
            var items = await context.Client.ListKeysAsync(context.Service(listService), cancellationToken)
                .ReadAsync(null, cancellationToken);
            context.Printer.List(items, Views.Keys);
            return ExitCodes.Ok;
        });

        var revokeService = GlobalOptions.Service();
        var keyId = new Argument<string>("key-id") { Description = "The key's id (16 hex digits, from keys list)" };
        var revoke = new Command("revoke", "Revoke a key; it stops working on the next request") { revokeService, keyId };
        app.Handle(revoke, async (context, cancellationToken) =>
        {
            var service = context.Service(revokeService);
            await context.Client.RevokeKeyAsync(service, context.Value(keyId)!, cancellationToken);
            context.Printer.Message($"Revoked key {context.Value(keyId)} of {service}.");
            return ExitCodes.Ok;
        });

        keys.Add(create);
        keys.Add(list);
        keys.Add(revoke);
        return keys;
    }
}
