using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace JobManager.Api.OperatorConsole;

// The folder is Console/; the namespace is not, so that `Console` keeps meaning System.Console in the Api.

/// <summary>
/// Serves the operator console: static pages at <c>/console</c> that call the public API with the key
/// the user pastes in. Nothing here reads data; the pages and their config need no key.
/// </summary>
public static class ConsoleEndpoints
{
    public const string Path = "/console";

    /// <summary>Where the build copies the assets (Console/app), beside the assembly, in bin and in publish alike.</summary>
    private static string AssetsRoot => System.IO.Path.Combine(AppContext.BaseDirectory, "Console", "app");

    // The pages run only their own scripts and talk only to this origin; the dashboard link is a plain link.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IHostApplicationBuilder AddConsole(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>Serves the assets (before authentication: they are public) under <see cref="Path"/>.</summary>
    public static IApplicationBuilder UseConsoleAssets(this IApplicationBuilder app)
    {
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(AssetsRoot),
            RequestPath = Path,
            // Revalidated on every load (ETag), so a new version of the console is picked up at once.
            OnPrepareResponse = context => Secure(context.Context.Response.Headers),
        });
    }

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        var console = app.MapGroup(Path).AllowAnonymous().ExcludeFromDescription();
        console.MapGet("/", Index);
        console.MapGet("/config.json", Config);
        return app;
    }

    /// <summary>The page; <c>/console</c> and <c>/console/</c> match alike, and the page's relative links need the slash.</summary>
    private static Results<PhysicalFileHttpResult, RedirectHttpResult> Index(HttpContext context)
    {
        if (!context.Request.Path.Value!.EndsWith('/'))
        {
            return TypedResults.Redirect(context.Request.PathBase + Path + "/");
        }
        Secure(context.Response.Headers);
        return TypedResults.PhysicalFile(System.IO.Path.Combine(AssetsRoot, "index.html"), "text/html; charset=utf-8");
    }

    private static Ok<ConsoleConfigResponse> Config(IOptions<ConsoleOptions> options, HttpContext context)
    {
        Secure(context.Response.Headers);
        return TypedResults.Ok(new ConsoleConfigResponse(options.Value.DashboardUrl?.TrimEnd('/')));
    }

    private static void Secure(IHeaderDictionary headers)
    {
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
