using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Pipeline;
using Marketplace.Ingestion.Uploads;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Jobs;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Ingestion.Products;

/// <summary>
/// Submits a product, or a corrected version of one: checks the draft, the collection and that every asset names a
/// completed upload of the caller's organization not used by another product; records the product with its planned
/// pipeline, consumes the uploads, writes the audit entry and enqueues the first step, all in one transaction.
/// </summary>
public sealed partial class SubmitProduct(IngestionDbContext db, NpgsqlDataSource dataSource, IJobQueue jobs, IAuditTrail audit, TimeProvider clock)
{
    public static readonly IReadOnlySet<string> AssetRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        "data", "metadata", "thumbnail", "telemetry", "overview",
    };

    private const int MaxAssets = 50;

    /// <summary>Submits version 1 of a new product.</summary>
    public Task<Outcome<ProductView>> HandleAsync(Uploader submitter, SubmitProductRequest request, CancellationToken ct) =>
        SubmitAsync(submitter, request, previous: null, ct);

    /// <summary>Submits a corrected version of <paramref name="previousId"/>; the earlier version is kept as it is.</summary>
    public async Task<Outcome<ProductView>> HandleVersionAsync(Uploader submitter, Guid previousId, SubmitProductRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submitter);
        var previous = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == previousId && p.OrganizationId == submitter.OrganizationId, ct);
        if (previous is null)
        {
            return new Outcome<ProductView>.NotFound($"There is no product {previousId} of your organization.");
        }
        var latest = await db.Products.Where(p => p.CollectionId == previous.CollectionId && p.ItemId == previous.ItemId).MaxAsync(p => p.Version, ct);
        if (latest != previous.Version)
        {
            return new Outcome<ProductView>.Conflict($"Version {previous.Version} is not the latest ({latest}); submit a correction of the latest version.");
        }
        return await SubmitAsync(submitter, request, previous, ct);
    }

    /// <summary>
    /// Submits a releasable derivative of <paramref name="sourceId"/>, made by the platform for the source's provider:
    /// certified like any product; its raster may be nodata outside its declared geometry.
    /// </summary>
    public Task<Outcome<ProductView>> HandleDerivativeAsync(Uploader submitter, Guid sourceId, SubmitProductRequest request, CancellationToken ct) =>
        SubmitAsync(submitter, request, previous: null, ct, sourceId);

    private async Task<Outcome<ProductView>> SubmitAsync(Uploader submitter, SubmitProductRequest request, Product? previous, CancellationToken ct,
        Guid? derivedFrom = null)
    {
        ArgumentNullException.ThrowIfNull(submitter);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var collection = previous?.CollectionId ?? request.Collection;
        if (string.IsNullOrWhiteSpace(collection))
        {
            errors.Add("collection", "The target collection is required.");
        }
        else if (previous is not null && request.Collection is not null && request.Collection != previous.CollectionId)
        {
            errors.Add("collection", $"A new version stays in its collection '{previous.CollectionId}'.");
        }
        var itemId = ValidateDraft(request.Item, previous, errors);
        ValidateOffers(request.Offers, errors);
        if (request.Assets is not { Count: > 0 })
        {
            errors.Add("assets", "At least one asset is required, with the role data or telemetry.");
        }
        else if (request.Assets.Count > MaxAssets)
        {
            errors.Add("assets", $"At most {MaxAssets} assets.");
        }
        else if (!request.Assets.Values.Any(a => a.Roles?.Any(r => r is "data" or "telemetry") == true))
        {
            errors.Add("assets", "At least one asset must have the role data or telemetry.");
        }
        if (errors.Any)
        {
            return errors.ToOutcome<ProductView>();
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (previous is null)
        {
            var owner = await CollectionOwnerAsync(collection!, ct);
            if (owner is null)
            {
                return Failures.Invalid<ProductView>("collection", $"The collection '{collection}' does not exist.");
            }
            if (owner.Provider is { } providerOwner && providerOwner != submitter.OrganizationId)
            {
                return Failures.Invalid<ProductView>("collection", $"The collection '{collection}' belongs to another provider.");
            }
            var taken = await db.Products.AnyAsync(p => p.CollectionId == collection && p.ItemId == itemId, ct);
            if (taken)
            {
                return new Outcome<ProductView>.Conflict(
                    $"The item id '{itemId}' is already used in '{collection}'; to correct your product, submit a new version of it (POST /products/{{id}}/versions).");
            }
        }
        var id = Guid.CreateVersion7(now);
        var assets = new List<ProductAsset>();
        var uploadIds = request.Assets!.Values.Select(a => a.Upload).OfType<Guid>().ToList();
        var uploads = await db.Uploads.FromSql($"SELECT * FROM ingestion.uploads WHERE id = ANY({uploadIds.ToArray()}) FOR UPDATE")
            .ToDictionaryAsync(u => u.Id, ct);
        foreach (var (key, asset) in request.Assets!)
        {
            var field = $"assets.{key}";
            if (!AssetKey().IsMatch(key) || key == "certification")
            {
                errors.Add(field, "Asset keys are 1 to 100 letters, digits, '.', '_' or '-' ('certification' is the platform's).");
                continue;
            }
            if (asset.Roles is not { Length: > 0 } roles || roles.Any(r => !AssetRoles.Contains(r)))
            {
                errors.Add($"{field}.roles", $"Give one or more roles of: {string.Join(", ", AssetRoles)}.");
                continue;
            }
            if (asset.Upload is not { } uploadId || !uploads.TryGetValue(uploadId, out var upload) || upload.OrganizationId != submitter.OrganizationId)
            {
                errors.Add($"{field}.upload", "Name a completed upload of your organization.");
                continue;
            }
            if (upload.StatusAt(now) != UploadStatus.Completed)
            {
                errors.Add($"{field}.upload", $"The upload is {upload.StatusAt(now).ToString().ToLowerInvariant()}; only a completed upload not used by another product can be submitted.");
                continue;
            }
            if (uploadIds.Count(u => u == uploadId) > 1)
            {
                errors.Add($"{field}.upload", "An upload can back one asset only.");
                continue;
            }
            var mediaType = asset.Type ?? upload.MediaType;
            if (mediaType.Length is 0 or > 255)
            {
                errors.Add($"{field}.type", "A media type of at most 255 characters is required.");
                continue;
            }
            if (asset.TimeSeries?.Ranges?.FirstOrDefault(r => !(r.Value.Min <= r.Value.Max)) is { Key: { } badColumn })
            {
                errors.Add($"{field}.timeSeries.ranges.{badColumn}", "min must not exceed max.");
                continue;
            }
            assets.Add(ProductAsset.FromUpload(id, key, roles.Distinct().ToArray(), mediaType, asset.Title, uploadId, upload.BlobName, upload.BlobETag, upload.Sha256,
                upload.Size, asset.TimeSeries is null ? null : JsonSerializer.Serialize(asset.TimeSeries, JsonSerializerOptions.Web)));
            upload.Consume(now);
        }
        if (errors.Any)
        {
            return errors.ToOutcome<ProductView>();
        }
        var draft = request.Item!.DeepClone().AsObject();
        draft["id"] = itemId;
        draft["collection"] = collection;
        var product = Product.Submit(id, submitter.OrganizationId, submitter.Actor, collection!, itemId!, (previous?.Version ?? 0) + 1, previous?.Id,
            draft.ToJsonString(), (request.Offers ?? new JsonArray()).ToJsonString(), assets, PipelineSteps.All, now);
        db.Products.Add(product);
        var details = new Dictionary<string, string>
        {
            ["collection"] = product.CollectionId,
            ["item"] = product.ItemId,
            ["version"] = product.Version.ToString(CultureInfo.InvariantCulture),
            ["assets"] = string.Join(",", assets.Select(a => $"{a.Key}={a.UploadId}")),
        };
        if (derivedFrom is { } source)
        {
            product.DeriveFrom(source);
            details["derivedFrom"] = $"product:{source}";
        }
        await db.SaveAndRecordAsync(audit, new AuditEvent("product.submitted", submitter.Actor, [$"product:{product.Id}"], [product.OrganizationId],
            Details: details), ct);
        var first = new ProductPipelineJob(product.Id, PipelineSteps.All[0]);
        await jobs.EnqueueAsync(db, first.ToRequest(), ct);
        await transaction.CommitAsync(ct);
        return ProductView.From(product);
    }

    private static string? ValidateDraft(JsonObject? item, Product? previous, FieldErrors errors)
    {
        if (item is null)
        {
            errors.Add("item", "A STAC item draft is required (id and properties with datetime, or start_datetime and end_datetime).");
            return null;
        }
        var id = item["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var text) ? text : null;
        if (previous is not null)
        {
            if (id is not null && id != previous.ItemId)
            {
                errors.Add("item.id", $"A new version keeps the item id '{previous.ItemId}'.");
            }
            id = previous.ItemId;
        }
        else if (id is null || !ItemId().IsMatch(id))
        {
            errors.Add("item.id", "An item id of 1 to 200 letters, digits, '.', '_' or '-' is required.");
        }
        if (item["properties"] is not JsonObject properties)
        {
            errors.Add("item.properties", "A properties object is required.");
            return id;
        }
        var datetime = Instant(properties, "datetime", errors);
        var start = Instant(properties, "start_datetime", errors);
        var end = Instant(properties, "end_datetime", errors);
        if (datetime is null && (start is null || end is null) && !errors.Any)
        {
            errors.Add("item.properties.datetime", "Give datetime, or both start_datetime and end_datetime (RFC 3339).");
        }
        if (start is not null && end is not null && end < start)
        {
            errors.Add("item.properties.end_datetime", "end_datetime is before start_datetime.");
        }
        if (properties["gsd"] is { } gsd && !(gsd is JsonValue g && g.TryGetValue<double>(out var metres) && metres > 0))
        {
            errors.Add("item.properties.gsd", "gsd is a positive number of metres.");
        }
        if (item["geometry"] is { } geometry && geometry is not JsonObject)
        {
            errors.Add("item.geometry", "The geometry is a GeoJSON geometry object (or absent: it is then taken from the raster).");
        }
        return id;
    }

    private static DateTimeOffset? Instant(JsonObject properties, string name, FieldErrors errors)
    {
        if (properties[name] is null)
        {
            return null;
        }
        if (properties[name] is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }
        errors.Add($"item.properties.{name}", $"{name} must be an RFC 3339 date-time.");
        return null;
    }

    private static void ValidateOffers(JsonNode? offers, FieldErrors errors)
    {
        if (offers is null)
        {
            return;
        }
        if (offers is not JsonArray list || list.Count > 20 || list.Any(o => o is not (JsonObject or JsonValue)))
        {
            errors.Add("offers", "Offers are a list of at most 20 entries (text or objects such as {\"title\", \"price\", \"licence\"}).");
        }
        else if (offers.ToJsonString().Length > 20_000)
        {
            errors.Add("offers", "Offers may hold at most 20,000 characters.");
        }
    }

    /// <summary>Null when the collection does not exist; otherwise its providing organization (null: open to every provider).</summary>
    private async Task<CollectionOwner?> CollectionOwnerAsync(string collection, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT provider_organization FROM catalog.collections WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = collection });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new CollectionOwner(reader.IsDBNull(0) ? null : reader.GetGuid(0)) : null;
    }

    private sealed record CollectionOwner(Guid? Provider);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,200}$")]
    private static partial Regex ItemId();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex AssetKey();
}
