using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Items;
using Marketplace.Catalog.Persistence;
using Marketplace.Platform.Outcomes;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Catalog.Ingest;

/// <summary>How loaded items are published: their grade, whether buyers may find them, and the providing organization.</summary>
public sealed record LoadOptions(string Grade, bool Published, Guid? ProviderOrganization, string? CollectionId = null);

/// <summary>A line that could not be loaded, with why.</summary>
public sealed record LoadError(long Line, string Message);

public sealed record LoadResult(long Loaded, IReadOnlyList<LoadError> Errors);

/// <summary>
/// Bulk-loads newline-delimited STAC items (one item per line, from a file or standard input) with binary COPY into a
/// staging table, then upserts them into the catalog in batches. Invalid lines are reported with their number and
/// skipped; a batch is written whole or not at all.
/// </summary>
public sealed class LoadItems(NpgsqlDataSource dataSource, StacItemReader reader, TimeProvider clock)
{
    public const int BatchSize = 10_000;

    private const string Columns = "collection_id, id, geometry, datetime, start_datetime, end_datetime, properties, assets, stac_extensions, grade, published, provider_organization, updated_at";

    public async Task<LoadResult> HandleAsync(Stream ndjson, LoadOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var lines = new StreamReader(ndjson);
        var errors = new List<LoadError>();
        var batch = new List<ItemRecord>(BatchSize);
        var known = new HashSet<string>(StringComparer.Ordinal);
        long lineNumber = 0, loaded = 0;
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            JsonObject? json;
            try
            {
                json = JsonNode.Parse(line) as JsonObject;
            }
            catch (JsonException ex)
            {
                errors.Add(new LoadError(lineNumber, $"Not JSON: {ex.Message}"));
                continue;
            }
            if (json is null)
            {
                errors.Add(new LoadError(lineNumber, "Not a JSON object."));
                continue;
            }
            switch (reader.Read(json, options.CollectionId))
            {
                case Outcome<ItemRecord>.Ok(var item):
                    if (!known.Contains(item.CollectionId) && !await CollectionExistsAsync(item.CollectionId, ct))
                    {
                        errors.Add(new LoadError(lineNumber, $"The collection '{item.CollectionId}' does not exist."));
                        continue;
                    }
                    known.Add(item.CollectionId);
                    batch.Add(item);
                    break;
                case Outcome<ItemRecord>.Invalid invalid:
                    errors.Add(new LoadError(lineNumber, string.Join(" ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));
                    continue;
            }
            if (batch.Count == BatchSize)
            {
                loaded += await WriteAsync(batch, options, ct);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            loaded += await WriteAsync(batch, options, ct);
        }
        return new LoadResult(loaded, errors);
    }

    private async Task<bool> CollectionExistsAsync(string collectionId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM catalog.collections WHERE id = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = collectionId });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<long> WriteAsync(List<ItemRecord> batch, LoadOptions options, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE items_load ON COMMIT DROP AS SELECT {Columns} FROM catalog.items WITH NO DATA", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        var now = clock.GetUtcNow();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY items_load ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var item in batch.DistinctBy(i => (i.CollectionId, i.Id)))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(item.CollectionId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(item.Id, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(item.Geometry, NpgsqlDbType.Geometry, ct);
                if (item.Datetime is { } datetime)
                {
                    await copy.WriteAsync(datetime, NpgsqlDbType.TimestampTz, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }
                await copy.WriteAsync(item.StartDatetime, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(item.EndDatetime, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(item.Properties, NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(item.Assets, NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(item.StacExtensions, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(options.Grade, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(options.Published, NpgsqlDbType.Boolean, ct);
                if (options.ProviderOrganization is { } provider)
                {
                    await copy.WriteAsync(provider, NpgsqlDbType.Uuid, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using var upsert = new NpgsqlCommand($"""
            INSERT INTO catalog.items ({Columns}) SELECT {Columns} FROM items_load
            ON CONFLICT (collection_id, id) DO UPDATE SET
                geometry = excluded.geometry, datetime = excluded.datetime, start_datetime = excluded.start_datetime,
                end_datetime = excluded.end_datetime, properties = excluded.properties, assets = excluded.assets,
                stac_extensions = excluded.stac_extensions, grade = excluded.grade, published = excluded.published,
                provider_organization = excluded.provider_organization, updated_at = excluded.updated_at
            """, connection, transaction);
        var written = await upsert.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return written;
    }
}
