using System.Diagnostics.CodeAnalysis;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Queryables from a fixed table of property name to column (OGC 21-065r2 CQL2 clause 6, "/req/basic-cql2/property"),
/// e.g. for tests or a static catalog configuration. Names are matched case-sensitively.
/// </summary>
public sealed class DictionaryQueryableColumns(IReadOnlyDictionary<string, QueryableColumn> columns) : IQueryableColumns
{
    public bool TryResolve(string name, [MaybeNullWhen(false)] out QueryableColumn column) =>
        columns.TryGetValue(name, out column);
}
