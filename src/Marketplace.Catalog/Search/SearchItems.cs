using System.Text;
using Marketplace.Catalog.Cql2;
using Marketplace.Catalog.Persistence;
using Marketplace.Catalog.Queryables;
using Marketplace.Catalog.Visibility;
using Marketplace.Platform.Outcomes;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Marketplace.Catalog.Search;

/// <summary>
/// Runs an item search inside PostGIS with the caller's visibility as part of the query: only published items of
/// grades the caller may see are ever read. Bounding boxes across the antimeridian are split in two.
/// </summary>
public sealed class SearchItems(NpgsqlDataSource dataSource, CatalogQueryables queryables)
{
    private const string Select = """
        SELECT i.collection_id, i.id, i.geometry, i.datetime, i.start_datetime, i.end_datetime, i.properties::text, i.assets::text,
               i.stac_extensions, i.grade, i.provider_organization, i.updated_at
        FROM catalog.items i
        """;

    public async Task<Outcome<ItemPage>> HandleAsync(ItemSearch search, CatalogViewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(viewer);
        var token = PageToken.TryDecode(search.Token);
        if (search.Token is not null && token is null)
        {
            return Failures.Invalid<ItemPage>("token", "The page token is not one this API issued.");
        }
        var sql = new StringBuilder(Select).Append(" WHERE i.published AND i.grade = ANY($1)");
        var parameters = new List<object> { viewer.Grades.ToArray() };
        string Next(object value)
        {
            parameters.Add(value);
            return "$" + parameters.Count;
        }
        if (search.Collections is { Count: > 0 } collections)
        {
            sql.Append(" AND i.collection_id = ANY(").Append(Next(collections.ToArray())).Append(')');
        }
        if (search.Ids is { Count: > 0 } ids)
        {
            sql.Append(" AND i.id = ANY(").Append(Next(ids.ToArray())).Append(')');
        }
        if (search.Bbox is { } bbox)
        {
            sql.Append(" AND (").Append(EnvelopeCondition(bbox.West, bbox.South, bbox.CrossesAntimeridian ? 180 : bbox.East, bbox.North, Next));
            if (bbox.CrossesAntimeridian)
            {
                sql.Append(" OR ").Append(EnvelopeCondition(-180, bbox.South, bbox.East, bbox.North, Next));
            }
            sql.Append(')');
        }
        if (search.Intersects is { } geometry)
        {
            sql.Append(" AND ST_Intersects(i.geometry, ").Append(Next(geometry)).Append(')');
        }
        if (search.From is { } from)
        {
            sql.Append(" AND i.end_datetime >= ").Append(Next(from));
        }
        if (search.To is { } to)
        {
            sql.Append(" AND i.start_datetime <= ").Append(Next(to));
        }
        if (search.Filter is { } filter)
        {
            SqlFragment fragment;
            try
            {
                fragment = new Cql2SqlTranslator(queryables).Translate(filter, parameters.Count + 1);
            }
            catch (Cql2Exception ex)
            {
                return Failures.Invalid<ItemPage>("filter", ex.Message);
            }
            sql.Append(" AND (").Append(fragment.Sql).Append(')');
            parameters.AddRange(fragment.Parameters);
        }
        if (token is not null)
        {
            var start = Next(token.Start);
            sql.Append(" AND (i.start_datetime < ").Append(start).Append(" OR (i.start_datetime = ").Append(start)
               .Append(" AND (i.collection_id, i.id) > (").Append(Next(token.CollectionId)).Append(", ").Append(Next(token.Id)).Append(")))");
        }
        var limit = Math.Clamp(search.Limit, 1, ItemSearch.MaxLimit);
        sql.Append(" ORDER BY i.start_datetime DESC, i.collection_id, i.id LIMIT ").Append(Next(limit + 1));

        await using var command = dataSource.CreateCommand(sql.ToString());
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        var items = new List<ItemRecord>(limit + 1);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                items.Add(ReadItem(reader));
            }
        }
        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(items.Count - 1);
            var last = items[^1];
            next = new PageToken(last.StartDatetime, last.CollectionId, last.Id).Encode();
        }
        return new ItemPage(items, next);
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

    private static string EnvelopeCondition(double west, double south, double east, double north, Func<object, string> next) =>
        $"ST_Intersects(i.geometry, ST_MakeEnvelope({next(west)}, {next(south)}, {next(east)}, {next(north)}, 4326))";

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
    };
}
