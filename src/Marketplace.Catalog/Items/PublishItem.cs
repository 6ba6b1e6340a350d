using System.Text.Json;
using Marketplace.Catalog.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Catalog.Items;

/// <summary>
/// Puts one item into the catalog, or replaces it (a new version of a product, a new grade), with its grade and
/// providing organization; and takes one out (a withdrawn product). Writing the same item again changes nothing,
/// so a pipeline step that runs twice is harmless.
/// </summary>
public sealed class PublishItem(NpgsqlDataSource dataSource, StacItemReader reader, TimeProvider clock)
{
    private const string UpsertSql = """
        INSERT INTO catalog.items (collection_id, id, geometry, datetime, start_datetime, end_datetime, properties, assets,
            stac_extensions, grade, published, provider_organization, updated_at, links)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, $11, $12, $13)
        ON CONFLICT (collection_id, id) DO UPDATE SET
            geometry = excluded.geometry, datetime = excluded.datetime, start_datetime = excluded.start_datetime,
            end_datetime = excluded.end_datetime, properties = excluded.properties, assets = excluded.assets,
            stac_extensions = excluded.stac_extensions, grade = excluded.grade, published = true,
            provider_organization = excluded.provider_organization, updated_at = excluded.updated_at, links = excluded.links
        """;

    public async Task<Outcome<ItemRecord>> PublishAsync(JsonElement item, string grade, Guid providerOrganization, CancellationToken ct)
    {
        if (reader.Read(item, null) is not Outcome<ItemRecord>.Ok(var record))
        {
            return reader.Read(item, null);
        }
        await using var command = dataSource.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = record.CollectionId });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Geometry, NpgsqlDbType = NpgsqlDbType.Geometry });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)record.Datetime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = record.StartDatetime });
        command.Parameters.Add(new NpgsqlParameter { Value = record.EndDatetime });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Properties, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Assets, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = record.StacExtensions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = grade });
        command.Parameters.Add(new NpgsqlParameter { Value = providerOrganization });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)record.Links ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(ct);
        record.Grade = grade;
        record.Published = true;
        record.ProviderOrganization = providerOrganization;
        return record;
    }

    /// <summary>
    /// Changes a published item's grade (column and <c>marketplace:grade</c>) in the current transaction of
    /// <paramref name="db"/>: from the commit on, every search, count, extent and item read enforces the new grade.
    /// True when the item was there.
    /// </summary>
    public static async Task<bool> RegradeAsync(DbContext db, string collectionId, string itemId, string grade, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("An item is regraded inside the transaction of the change that regrades it.");
        await using var command = new NpgsqlCommand("""
            UPDATE catalog.items SET grade = $3, properties = jsonb_set(properties, '{marketplace:grade}', to_jsonb($3::text)), updated_at = $4
            WHERE collection_id = $1 AND id = $2
            """, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter { Value = collectionId });
        command.Parameters.Add(new NpgsqlParameter { Value = itemId });
        command.Parameters.Add(new NpgsqlParameter { Value = grade });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Takes an item out of the catalog in the current transaction of <paramref name="db"/>; true when it was there.</summary>
    public static async Task<bool> WithdrawAsync(DbContext db, string collectionId, string itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("An item is withdrawn inside the transaction of the change that withdraws it.");
        await using var command = new NpgsqlCommand("DELETE FROM catalog.items WHERE collection_id = $1 AND id = $2",
            (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter { Value = collectionId });
        command.Parameters.Add(new NpgsqlParameter { Value = itemId });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }
}
