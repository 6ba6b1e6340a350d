using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Catalog.Demo;
using Marketplace.Identity;
using Marketplace.Identity.Clients;
using Marketplace.Identity.Demo;
using Marketplace.Ingestion.Demo;
using Marketplace.Platform.Persistence;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Hosting;

/// <summary>
/// One-shot commands of the host binary: <c>migrate</c> (create or update every module's schema) and
/// <c>seed-demo [--output FILE]</c> (the demo world, written to FILE as JSON). Anything else serves.
/// </summary>
internal static class HostCommands
{
    private static readonly JsonSerializerOptions DemoJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Runs the command named by the arguments; false when the host should serve instead.</summary>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(app.Lifetime.ApplicationStopping);
        var ct = stopping.Token;
        switch (args[0])
        {
            case "migrate":
                await MigrateAsync(app.Services, ct);
                return true;
            case "seed-demo":
                var output = OptionValue(args, "--output") ?? Path.Combine(".local", "demo.json");
                var demo = await SeedDemoAsync(app.Services, output, ct);
                PrintDemo(demo, output);
                return true;
            case "catalog-collection":
                await CatalogCommands.LoadCollectionAsync(app.Services, Required(args, "--file"), ct);
                return true;
            case "catalog-load":
                await CatalogCommands.LoadItemsAsync(app.Services, Required(args, "--file"), OptionValue(args, "--collection"),
                    OptionValue(args, "--grade") ?? "public", !args.Contains("--unpublished"), ct);
                return true;
            default:
                throw new ArgumentException($"Unknown command '{args[0]}'. Commands: migrate; seed-demo [--output FILE]; " +
                    "catalog-collection --file FILE; catalog-load --file FILE|- [--collection ID] [--grade GRADE] [--unpublished]. No command serves the API.");
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EnsureWebClient>().HandleAsync(ct);
    }

    public static async Task<DemoWorldFile> SeedDemoAsync(IServiceProvider services, string outputPath, CancellationToken ct)
    {
        var previous = File.Exists(outputPath)
            ? JsonSerializer.Deserialize<DemoWorldFile>(await File.ReadAllTextAsync(outputPath, ct), DemoJson)
            : null;
        var knownSecrets = previous?.Clients.ToDictionary(c => c.ClientId, c => c.ClientSecret) ?? [];
        var knownPasswords = previous?.Members.ToDictionary(m => m.Email, m => m.Password) ?? [];
        await using var scope = services.CreateAsyncScope();
        var identities = await scope.ServiceProvider.GetRequiredService<SeedDemoIdentities>().HandleAsync(knownSecrets, knownPasswords, ct);
        var provider = identities.Organizations.Single(o => o.Slug == "orbital-eye").Id;
        await scope.ServiceProvider.GetRequiredService<SeedDemoCollections>().HandleAsync(provider, ct);
        var products = await scope.ServiceProvider.GetRequiredService<SeedDemoProducts>().HandleAsync(provider, "demo-uploader", ct);
        var issuer = services.GetRequiredService<IOptions<MarketplaceIdentityOptions>>().Value.Issuer;
        var file = new DemoWorldFile(
            BaseUrl: issuer.AbsoluteUri.TrimEnd('/'),
            TokenEndpoint: new Uri(issuer, IdentityModule.TokenEndpoint).AbsoluteUri,
            WebClientId: EnsureWebClient.ClientId,
            identities.Organizations, identities.Clients, identities.Members, products);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        var temporary = outputPath + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(file, DemoJson), ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, outputPath, overwrite: true);
        return file;
    }

    private static void PrintDemo(DemoWorldFile demo, string path)
    {
        Console.WriteLine($"Demo world written to {path}");
        Console.WriteLine();
        Console.WriteLine("API clients (client credentials grant):");
        Console.WriteLine($"  {"client id",-30} {"organization",-26} {"role",-15} secret");
        foreach (var client in demo.Clients)
        {
            Console.WriteLine($"  {client.ClientId,-30} {client.Organization,-26} {string.Join(",", client.Roles),-15} {client.ClientSecret}");
        }
        Console.WriteLine();
        Console.WriteLine($"Members (web sign-in, client '{demo.WebClientId}', authorization code with PKCE):");
        foreach (var member in demo.Members)
        {
            Console.WriteLine($"  {member.Email,-45} {member.Password}");
        }
        Console.WriteLine();
        Console.WriteLine("Demo products (the worker certifies and grades them; see GET /products/{id} as demo-uploader, GET /reviews as demo-reviewer):");
        foreach (var (item, id) in demo.Products ?? new Dictionary<string, Guid>())
        {
            Console.WriteLine($"  {item,-30} {id}");
        }
    }

    private static string Required(string[] args, string name) =>
        OptionValue(args, name) ?? throw new ArgumentException($"The option {name} is required.");

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

/// <summary>The machine-readable description of the demo world, for scripts and examples.</summary>
internal sealed record DemoWorldFile(
    string BaseUrl,
    string TokenEndpoint,
    string WebClientId,
    IReadOnlyList<DemoOrganization> Organizations,
    IReadOnlyList<DemoClient> Clients,
    IReadOnlyList<DemoMember> Members,
    IReadOnlyDictionary<string, Guid>? Products);
