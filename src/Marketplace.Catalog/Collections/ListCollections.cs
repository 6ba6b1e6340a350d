using Marketplace.Catalog.Persistence;
using Marketplace.Catalog.Search;
using Marketplace.Catalog.Visibility;
using Npgsql;

namespace Marketplace.Catalog.Collections;

/// <summary>
/// Lists collections with their spatial and temporal extents computed over the items the viewer may see, so an
/// extent never reveals a hidden item; collection search filters on that visible extent too.
/// </summary>
public sealed class ListCollections(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT c.id, c.title, c.description, c.document::text, c.provider_organization, c.updated_at,
               ST_XMin(e.box), ST_YMin(e.box), ST_XMax(e.box), ST_YMax(e.box), e.first_start, e.last_end
        FROM catalog.collections c
        LEFT JOIN LATERAL (
            SELECT ST_SetSRID(ST_Extent(i.geometry)::geometry, 4326) AS box, min(i.start_datetime) AS first_start, max(i.end_datetime) AS last_end
            FROM catalog.items i
            WHERE i.collection_id = c.id AND i.published AND i.grade = ANY($1)
        ) e ON true
        """;

    /// <summary>
    /// The collections (or the one named) with the viewer's extents; <paramref name="search"/> is the collection search
    /// (STAC API Collection Search): free text over title and description, bbox and datetime over the extent the viewer
    /// may see. Only its Text, Bbox, From and To are used.
    /// </summary>
    public async Task<IReadOnlyList<CollectionView>> HandleAsync(CatalogViewer viewer, string? collectionId, CancellationToken ct, ItemSearch? search = null)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var query = new SqlQuery().Append(Sql);
        query.Parameter(viewer.Grades.ToArray());
        query.Append(" WHERE true");
        if (collectionId is not null)
        {
            query.Append(" AND c.id = ").Append(query.Parameter(collectionId));
        }
        if (search?.Text is { Count: > 0 } terms)
        {
            query.Append(" AND to_tsvector('simple', c.title || ' ' || c.description) @@ (")
                 .Append(string.Join(" || ", terms.Select(t => $"plainto_tsquery('simple', {query.Parameter(t)})"))).Append(")");
        }
        if (search?.Bbox is { } bbox)
        {
            query.Append(" AND (").Append(Envelope(query, bbox.West, bbox.South, bbox.CrossesAntimeridian ? 180 : bbox.East, bbox.North));
            if (bbox.CrossesAntimeridian)
            {
                query.Append(" OR ").Append(Envelope(query, -180, bbox.South, bbox.East, bbox.North));
            }
            query.Append(")");
        }
        if (search?.From is { } from)
        {
            query.Append(" AND e.last_end >= ").Append(query.Parameter(from));
        }
        if (search?.To is { } to)
        {
            query.Append(" AND e.first_start <= ").Append(query.Parameter(to));
        }
        query.Append(" ORDER BY c.id");
        await using var command = query.CreateCommand(dataSource);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var views = new List<CollectionView>();
        while (await reader.ReadAsync(ct))
        {
            var record = new CollectionRecord
            {
                Id = reader.GetString(0),
                Title = reader.GetString(1),
                Description = reader.GetString(2),
                Document = reader.GetString(3),
                ProviderOrganization = reader.IsDBNull(4) ? null : reader.GetGuid(4),
                UpdatedAt = reader.GetFieldValue<DateTimeOffset>(5),
            };
            double[]? extent = reader.IsDBNull(6) ? null : [reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9)];
            views.Add(new CollectionView(record, extent,
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11)));
        }
        return views;
    }

    private static string Envelope(SqlQuery query, double west, double south, double east, double north) =>
        $"ST_Intersects(e.box, ST_MakeEnvelope({query.Parameter(west)}, {query.Parameter(south)}, {query.Parameter(east)}, {query.Parameter(north)}, 4326))";
}
