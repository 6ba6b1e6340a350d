using Marketplace.Catalog.Persistence;
using Marketplace.Catalog.Visibility;
using Npgsql;

namespace Marketplace.Catalog.Collections;

/// <summary>
/// Lists collections with their spatial and temporal extents computed over the items the viewer may see, so an
/// extent never reveals a hidden item.
/// </summary>
public sealed class ListCollections(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT c.id, c.title, c.description, c.document::text, c.provider_organization, c.updated_at,
               ST_XMin(e.box), ST_YMin(e.box), ST_XMax(e.box), ST_YMax(e.box), e.first_start, e.last_end
        FROM catalog.collections c
        LEFT JOIN LATERAL (
            SELECT ST_Extent(i.geometry)::geometry AS box, min(i.start_datetime) AS first_start, max(i.end_datetime) AS last_end
            FROM catalog.items i
            WHERE i.collection_id = c.id AND i.published AND i.grade = ANY($1)
        ) e ON true
        """;

    public async Task<IReadOnlyList<CollectionView>> HandleAsync(CatalogViewer viewer, string? collectionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var command = dataSource.CreateCommand(Sql + (collectionId is null ? " ORDER BY c.id" : " WHERE c.id = $2"));
        command.Parameters.Add(new NpgsqlParameter { Value = viewer.Grades.ToArray() });
        if (collectionId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = collectionId });
        }
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
}
