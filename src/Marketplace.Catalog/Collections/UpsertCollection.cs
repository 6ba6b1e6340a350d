using System.Text.Json.Nodes;
using Marketplace.Catalog.Persistence;
using Marketplace.Catalog.Validation;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalog.Collections;

/// <summary>
/// Creates or replaces a STAC collection (STAC 1.1 collection spec): id, description and license are required, and the
/// collection as the catalog will serve it must validate against the STAC 1.1 collection schema and the schema of every
/// extension it declares (<see cref="StacSchemaValidator"/>); the errors are keyed by JSON Pointer (<c>#/providers/0/roles/0</c>).
/// </summary>
public sealed class UpsertCollection(CatalogDbContext db, StacSchemaValidator schemas, TimeProvider clock)
{
    public async Task<Outcome<CollectionRecord>> HandleAsync(JsonObject collection, Guid? providerOrganization, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var errors = new FieldErrors();
        var id = Text(collection["id"]);
        if (id is not { Length: > 0 and <= 200 } || id.Contains('/', StringComparison.Ordinal))
        {
            errors.Add("id", "A non-empty id of at most 200 characters without '/' is required.");
        }
        if (Text(collection["description"]) is not { Length: > 0 })
        {
            errors.Add("description", "A description is required.");
        }
        if (Text(collection["license"]) is not { Length: > 0 })
        {
            errors.Add("license", "A license (SPDX identifier or \"other\") is required.");
        }
        if (errors.Any)
        {
            return errors.ToOutcome<CollectionRecord>();
        }
        foreach (var error in await schemas.ValidateCollectionAsync(collection, ct))
        {
            errors.Add(error.Path, $"{error.Message} ({error.SchemaLabel})");
        }
        if (errors.Any)
        {
            return errors.ToOutcome<CollectionRecord>();
        }
        var document = collection.DeepClone().AsObject();
        document.Remove("links");
        var record = await db.Collections.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (record is null)
        {
            record = new CollectionRecord { Id = id! };
            db.Collections.Add(record);
        }
        record.Title = Text(collection["title"]) ?? id!;
        record.Description = Text(collection["description"])!;
        record.Document = document.ToJsonString();
        record.ProviderOrganization = providerOrganization;
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return record;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
