using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Validation;
using Microsoft.Extensions.Options;
using Runtime = Marketplace.Catalog.Validation.StacSchemaValidator;

namespace Marketplace.IntegrationTests.Infrastructure;

/// <summary>
/// The catalog's own STAC schema validator (<see cref="Runtime"/>) set up for the tests, entirely offline: schemas come
/// from the shared folder beside the repository (<c>../shared/stac-schemas</c>, laid out by canonical URL) and, for
/// the marketplace's own extension, from the repository's <c>catalog-schemas</c> folder; nothing is ever fetched.
/// Errors come back as lines "schema: JSON Pointer: kind ...". Meant to be a class fixture (schemas load once).
/// </summary>
public sealed class StacSchemaValidator
{
    public const string StacCoreBase = Runtime.StacCoreBase;
    public const string MarketplaceExtensionBase = "https://satellite-marketplace.example/stac/marketplace/";
    public const string MarketplaceExtension = MarketplaceExtensionBase + "v1.0.0/schema.json";

    /// <summary>Finds the repository (the folder holding Marketplace.sln) and the shared schema folder beside it.</summary>
    public StacSchemaValidator()
        : this(FindRepositoryRoot())
    {
    }

    private StacSchemaValidator(string repositoryRoot)
        : this(SharedFolderOf(repositoryRoot), Path.Combine(repositoryRoot, "catalog-schemas"))
    {
    }

    private StacSchemaValidator(string sharedSchemasFolder, string marketplaceSchemasFolder)
    {
        if (!Directory.Exists(sharedSchemasFolder))
        {
            throw new DirectoryNotFoundException(
                $"The offline STAC schemas are missing: expected the folder '{sharedSchemasFolder}' (../shared/stac-schemas beside the " +
                "repository, laid out by canonical URL). The schema tests validate offline only and cannot run without it.");
        }
        if (!Directory.Exists(marketplaceSchemasFolder))
        {
            throw new DirectoryNotFoundException($"The marketplace's schema folder '{marketplaceSchemasFolder}' is missing.");
        }
        SharedSchemasFolder = sharedSchemasFolder;
        MarketplaceSchemasFolder = marketplaceSchemasFolder;
        Validator = new Runtime(Options.Create(OfflineOptions(sharedSchemasFolder, marketplaceSchemasFolder)), new NoNetwork());
    }

    /// <summary>Schema URLs answered by another local schema (the PROJJSON versions the shared folder lacks).</summary>
    public static IReadOnlyDictionary<string, string> Aliases => StacSchemaSource.StandIns;

    /// <summary>A validator over other folders (the one public constructor is the fixture's).</summary>
    public static StacSchemaValidator ForFolders(string sharedSchemasFolder, string marketplaceSchemasFolder) =>
        new(sharedSchemasFolder, marketplaceSchemasFolder);

    /// <summary>The settings that point the catalog at the offline schemas, without fetching.</summary>
    public static StacSchemaOptions OfflineOptions(string sharedSchemasFolder, string marketplaceSchemasFolder) => new()
    {
        Root = sharedSchemasFolder,
        Folders = [new StacSchemaFolder { BaseUrl = MarketplaceExtensionBase, Path = Path.Combine(marketplaceSchemasFolder, "marketplace") }],
        AllowFetch = false,
    };

    /// <summary>The same settings as configuration keys, for an app under test.</summary>
    public static Dictionary<string, string?> OfflineSettings()
    {
        var repository = FindRepositoryRoot();
        var options = OfflineOptions(SharedFolderOf(repository), Path.Combine(repository, "catalog-schemas"));
        return new()
        {
            ["StacSchemas:Enabled"] = "true",
            ["StacSchemas:Root"] = options.Root,
            ["StacSchemas:Folders:0:BaseUrl"] = options.Folders[0].BaseUrl,
            ["StacSchemas:Folders:0:Path"] = options.Folders[0].Path,
            ["StacSchemas:AllowFetch"] = "false",
        };
    }

    public Runtime Validator { get; }

    public string SharedSchemasFolder { get; }

    public string MarketplaceSchemasFolder { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The canonical URL of every schema file in the shared folder and of the marketplace's extension schemas.</summary>
    public IReadOnlyList<string> LocalSchemaUrls() => Validator.LocalSchemaUrls();

    /// <summary>Loads the schema at a URL with all its references resolved offline; once per validator.</summary>
    public Task LoadAsync(string url) => Validator.LoadAsync(url, Ct);

    public async Task<IReadOnlyList<string>> ValidateAsync(JsonElement document) => Lines(await Validator.ValidateAsync(document, Ct));

    public async Task<IReadOnlyList<string>> ValidateAsync(JsonNode document) => Lines(await Validator.ValidateAsync(document, Ct));

    /// <summary>Validates a STAC Item, Collection or Catalog as given; one line per error, empty when valid.</summary>
    public Task<IReadOnlyList<string>> ValidateAsync(string json) =>
        ValidateAsync(JsonNode.Parse(json) ?? throw new ArgumentException("The document is JSON null.", nameof(json)));

    /// <summary>Validates a document against one schema (by URL) only.</summary>
    public async Task<IReadOnlyList<string>> ValidateAgainstAsync(string schemaUrl, string json) =>
        Lines(await Validator.ValidateAgainstAsync(schemaUrl, JsonNode.Parse(json)!, Ct));

    private static List<string> Lines(IReadOnlyList<StacValidationError> errors) => [.. errors.Select(e => e.ToString())];

    private static string SharedFolderOf(string repositoryRoot) => Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "stac-schemas"));

    public static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        // The test binaries may be built outside the repository (-p:ArtifactsPath=...), so also look from the working
        // directory and from where this file was compiled.
        string?[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts.OfType<string>().Where(s => s.Length > 0))
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Marketplace.sln")))
                {
                    return folder.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException(
            $"Could not find the repository (a folder holding Marketplace.sln) above {string.Join(", ", starts.OfType<string>())}; " +
            "the STAC schemas are looked up beside it in ../shared/stac-schemas.");
    }

    /// <summary>The tests validate offline: any attempt to fetch a schema is a failure.</summary>
    private sealed class NoNetwork : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) =>
            throw new InvalidOperationException("The tests validate offline: no schema is ever fetched.");
    }
}
