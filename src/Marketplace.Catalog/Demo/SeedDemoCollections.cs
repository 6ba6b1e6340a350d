using System.Text.Json.Nodes;
using Marketplace.Catalog.Collections;
using Marketplace.Catalog.Persistence;
using Marketplace.Platform.Outcomes;

namespace Marketplace.Catalog.Demo;

/// <summary>
/// The demo world's collections, so providers can submit products at once: an optical collection of the demo
/// provider, and an open telemetry collection. Running it again changes nothing but their update time.
/// </summary>
public sealed class SeedDemoCollections(UpsertCollection upsert)
{
    public const string Optical = "orbital-eye-optical";
    public const string Telemetry = "orbit-telemetry";

    public async Task<IReadOnlyList<string>> HandleAsync(Guid demoProvider, CancellationToken ct)
    {
        var seeded = new List<string>();
        foreach (var (id, title, description, keywords, provider) in new[]
        {
            (Optical, "Orbital Eye optical scenes", "Optical scenes of the Orbital Eye constellation, certified by the marketplace.",
                new[] { "optical", "multispectral" }, (Guid?)demoProvider),
            (Telemetry, "Orbit and telemetry data", "Orbit data (TLE, CCSDS OMM/OEM), CCSDS space packets and telemetry time series from any provider.",
                new[] { "telemetry", "orbit", "ccsds" }, null),
        })
        {
            var document = new JsonObject
            {
                ["type"] = "Collection",
                ["stac_version"] = "1.1.0",
                ["id"] = id,
                ["title"] = title,
                ["description"] = description,
                ["keywords"] = new JsonArray([.. keywords.Select(k => JsonValue.Create(k))]),
                ["license"] = "proprietary",
                ["extent"] = new JsonObject
                {
                    ["spatial"] = new JsonObject { ["bbox"] = new JsonArray(new JsonArray(-180, -90, 180, 90)) },
                    ["temporal"] = new JsonObject { ["interval"] = new JsonArray(new JsonArray("2020-01-01T00:00:00Z", null)) },
                },
                ["links"] = new JsonArray(),
            };
            var outcome = await upsert.HandleAsync(document, provider, ct);
            if (outcome is not Outcome<CollectionRecord>.Ok)
            {
                throw new InvalidOperationException($"The demo collection '{id}' was refused: {outcome}.");
            }
            seeded.Add(id);
        }
        return seeded;
    }
}
