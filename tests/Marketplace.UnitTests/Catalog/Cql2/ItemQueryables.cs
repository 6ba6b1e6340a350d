using Marketplace.Catalog.Cql2;

namespace Marketplace.UnitTests.Catalog.Cql2;

/// <summary>The queryables of the items table (alias <c>i</c>) as the catalog maps them.</summary>
internal static class ItemQueryables
{
    public static DictionaryQueryableColumns Columns { get; } = new(new Dictionary<string, QueryableColumn>(StringComparer.Ordinal)
    {
        ["id"] = new("i.id", QueryableType.String),
        ["collection"] = new("i.collection_id", QueryableType.String),
        ["geometry"] = new("i.geometry", QueryableType.Geometry),
        ["datetime"] = QueryableColumn.Interval("i.start_datetime", "i.end_datetime"),
        ["start_datetime"] = new("i.start_datetime", QueryableType.Timestamp),
        ["eo:cloud_cover"] = new("(i.properties->>'eo:cloud_cover')::double precision", QueryableType.Number),
        ["sat:relative_orbit"] = new("(i.properties->>'sat:relative_orbit')::integer", QueryableType.Integer),
        ["platform"] = new("i.properties->>'platform'", QueryableType.String),
        ["instruments"] = new("i.properties->'instruments'", QueryableType.Array),
        ["marketplace:certified"] = new("(i.properties->>'marketplace:certified')::boolean", QueryableType.Boolean),
    });

    public static SqlFragment Translate(string cql2Text, int firstParameterIndex = 1) =>
        new Cql2SqlTranslator(Columns).Translate(Cql2TextParser.Parse(cql2Text), firstParameterIndex);
}
