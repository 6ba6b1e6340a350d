using System.Diagnostics;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Collections;
using Marketplace.Catalog.Ingest;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Outcomes;

namespace Marketplace.Api.Hosting;

/// <summary>
/// Host commands that fill the catalog from files: a STAC collection document, and newline-delimited STAC items from a
/// file or standard input ('-'), bulk-loaded with binary COPY. The same path serves ingest and benchmarks, so one
/// generated data set can be loaded here and into other STAC servers for comparison.
/// </summary>
internal static class CatalogCommands
{
    public static async Task LoadCollectionAsync(IServiceProvider services, string path, CancellationToken ct)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(path, ct)) as JsonObject
            ?? throw new ArgumentException($"{path} does not hold a JSON object.");
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UpsertCollection>().HandleAsync(document, null, ct);
        if (outcome is Outcome<Catalog.Persistence.CollectionRecord>.Invalid invalid)
        {
            // One line per field or JSON Pointer (schema errors name the pointer, e.g. #/providers/0/roles/0).
            throw new ArgumentException($"The collection in {path} is not valid:{Environment.NewLine}" + string.Join(Environment.NewLine,
                invalid.Errors.SelectMany(e => e.Value.Select(message => $"  {e.Key}: {message}"))));
        }
        Console.WriteLine($"Collection '{document["id"]}' saved.");
    }

    public static async Task LoadItemsAsync(IServiceProvider services, string path, string? collection, string grade, bool published, CancellationToken ct)
    {
        if (!services.GetRequiredService<GradeScale>().Contains(grade))
        {
            throw new ArgumentException($"'{grade}' is not a grade of the configured scale.");
        }
        var clock = Stopwatch.StartNew();
        await using var input = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
        var result = await services.GetRequiredService<LoadItems>().HandleAsync(input, new LoadOptions(grade, published, null, collection), ct);
        foreach (var error in result.Errors.Take(20))
        {
            Console.Error.WriteLine($"line {error.Line}: {error.Message}");
        }
        if (result.Errors.Count > 20)
        {
            Console.Error.WriteLine($"... and {result.Errors.Count - 20} more lines refused");
        }
        Console.WriteLine($"Loaded {result.Loaded:N0} items in {clock.Elapsed.TotalSeconds:N1} s ({result.Loaded / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} items/s); {result.Errors.Count} lines refused.");
    }
}
