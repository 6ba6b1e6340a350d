using Marketplace.Catalog.Cql2;
using Marketplace.Catalog.Queryables;
using Marketplace.Catalog.Visibility;
using Marketplace.Platform.Outcomes;

namespace Marketplace.Catalog.Search;

/// <summary>
/// The WHERE conditions of an item search over <c>catalog.items i</c>, starting with the viewer's visibility (only
/// published items of grades the viewer may see), then collections, ids, bbox (split in two across the antimeridian),
/// intersects, datetime and the CQL2 filter. Searches, counts and aggregations share it, so none can see more than
/// another.
/// </summary>
public sealed class ItemConditions(CatalogQueryables queryables)
{
    public Outcome<SqlQuery> Where(ItemSearch search, CatalogViewer viewer, SqlQuery query)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(query);
        query.Append(" WHERE i.published AND i.grade = ANY(").Append(query.Parameter(viewer.Grades.ToArray())).Append(")");
        if (search.Collections is { Count: 1 } one)
        {
            // An equality (not = ANY) is an index condition of the footprint GiST index too, not only of the B-trees.
            query.Append(" AND i.collection_id = ").Append(query.Parameter(one[0]));
        }
        else if (search.Collections is { Count: > 1 } collections)
        {
            query.Append(" AND i.collection_id = ANY(").Append(query.Parameter(collections.ToArray())).Append(")");
        }
        if (search.Ids is { Count: > 0 } ids)
        {
            query.Append(" AND i.id = ANY(").Append(query.Parameter(ids.ToArray())).Append(")");
        }
        if (search.Bbox is { } bbox)
        {
            query.Append(" AND (").Append(Envelope(query, bbox.West, bbox.South, bbox.CrossesAntimeridian ? 180 : bbox.East, bbox.North));
            if (bbox.CrossesAntimeridian)
            {
                query.Append(" OR ").Append(Envelope(query, -180, bbox.South, bbox.East, bbox.North));
            }
            query.Append(")");
        }
        if (search.Intersects is { } geometry)
        {
            query.Append(" AND ST_Intersects(i.geometry, ").Append(query.Parameter(geometry)).Append(")");
        }
        if (search.From is { } from)
        {
            query.Append(" AND i.end_datetime >= ").Append(query.Parameter(from));
        }
        if (search.To is { } to)
        {
            query.Append(" AND i.start_datetime <= ").Append(query.Parameter(to));
        }
        if (search.Text is { Count: > 0 } terms)
        {
            // Free text: any term matches title, description, platform or keywords (words, not substrings).
            query.Append(" AND i.search @@ (").Append(string.Join(" || ", terms.Select(t => $"plainto_tsquery('simple', {query.Parameter(t)})"))).Append(")");
        }
        if (search.Filter is { } filter)
        {
            SqlFragment fragment;
            try
            {
                fragment = new Cql2SqlTranslator(queryables).Translate(filter, query.Parameters.Count + 1);
            }
            catch (Cql2Exception ex)
            {
                return Failures.Invalid<SqlQuery>("filter", ex.Message);
            }
            query.Append(" AND (").AppendFragment(fragment.Sql, fragment.Parameters).Append(")");
        }
        return query;
    }

    private static string Envelope(SqlQuery query, double west, double south, double east, double north) =>
        $"ST_Intersects(i.geometry, ST_MakeEnvelope({query.Parameter(west)}, {query.Parameter(south)}, {query.Parameter(east)}, {query.Parameter(north)}, 4326))";
}
