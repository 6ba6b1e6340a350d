using Marketplace.Catalog.Persistence;
using Marketplace.Catalog.Visibility;
using Marketplace.Platform.Outcomes;
using NetTopologySuite.Geometries;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Catalog.Search;

/// <summary>
/// Runs an item search inside PostGIS with the caller's visibility as part of the query: only published items of
/// grades the caller may see are ever read. Bounding boxes across the antimeridian are split in two.
/// </summary>
public sealed class SearchItems(NpgsqlDataSource dataSource, ItemConditions conditions, IOptions<CatalogOptions> options)
{
    private const string Select = """
        SELECT i.collection_id, i.id, i.geometry, i.datetime, i.start_datetime, i.end_datetime, i.properties::text, i.assets::text,
               i.stac_extensions, i.grade, i.provider_organization, i.updated_at, i.links::text
        FROM catalog.items i
        """;

    public async Task<Outcome<ItemPage>> HandleAsync(ItemSearch search, CatalogViewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(viewer);
        var order = search.Sort ?? SortOrder.Default;
        var token = PageToken.TryDecode(search.Token, order);
        if (search.Token is not null && token is null)
        {
            return Failures.Invalid<ItemPage>("token", "The page token is not one this API issued for this sort order.");
        }
        var query = new SqlQuery().Append(Select.Replace("FROM catalog.items i", SortColumns(order) + " FROM catalog.items i", StringComparison.Ordinal));
        if (conditions.Where(search, viewer, query) is Outcome<SqlQuery>.Invalid invalid)
        {
            return new Outcome<ItemPage>.Invalid(invalid.Errors);
        }
        token?.AppendAfter(order, query);
        var limit = Math.Clamp(search.Limit, 1, ItemSearch.MaxLimit);
        query.Append(" ORDER BY ").Append(order.OrderBy).Append(" LIMIT ").Append(query.Parameter(limit + 1));

        await using var command = query.CreateCommand(dataSource);
        command.CommandTimeout = options.Value.SearchTimeoutSeconds;
        var items = new List<ItemRecord>(limit + 1);
        var sortValues = new List<object[]>(limit + 1);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                items.Add(ReadItem(reader));
                sortValues.Add(order.Keys.Select((key, k) => ReadSortValue(reader, ItemColumns + k, key.Kind)).ToArray());
            }
        }
        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(items.Count - 1);
            var last = items[^1];
            next = new PageToken(order.Signature, sortValues[items.Count - 1], last.CollectionId, last.Id).Encode();
        }
        // Counting every match would cost as much as the search; the count is given only when it is known for free.
        long? matched = token is null && items.Count < limit ? items.Count : null;
        return new ItemPage(items, next, matched);
    }

    /// <summary>One item by collection and id, if the viewer may see it.</summary>
    public async Task<ItemRecord?> FindAsync(string collectionId, string itemId, CatalogViewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var command = dataSource.CreateCommand(Select + " WHERE i.published AND i.grade = ANY($1) AND i.collection_id = $2 AND i.id = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = viewer.Grades.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = collectionId });
        command.Parameters.Add(new NpgsqlParameter { Value = itemId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadItem(reader) : null;
    }

    private const int ItemColumns = 13;

    private static string SortColumns(SortOrder order) =>
        string.Concat(order.Keys.Select((key, k) => $", {key.SqlExpression} AS sort_{k}"));

    private static object ReadSortValue(NpgsqlDataReader reader, int column, SortValueKind kind) => kind switch
    {
        SortValueKind.Timestamp => reader.GetFieldValue<DateTimeOffset>(column),
        SortValueKind.Number => reader.GetDouble(column),
        _ => reader.GetString(column),
    };

    private static ItemRecord ReadItem(NpgsqlDataReader reader) => new()
    {
        CollectionId = reader.GetString(0),
        Id = reader.GetString(1),
        Geometry = reader.GetFieldValue<Geometry>(2),
        Datetime = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
        StartDatetime = reader.GetFieldValue<DateTimeOffset>(4),
        EndDatetime = reader.GetFieldValue<DateTimeOffset>(5),
        Properties = reader.GetString(6),
        Assets = reader.GetString(7),
        StacExtensions = reader.GetFieldValue<string[]>(8),
        Grade = reader.GetString(9),
        Published = true,
        ProviderOrganization = reader.IsDBNull(10) ? null : reader.GetGuid(10),
        UpdatedAt = reader.GetFieldValue<DateTimeOffset>(11),
        Links = reader.IsDBNull(12) ? null : reader.GetString(12),
    };
}
