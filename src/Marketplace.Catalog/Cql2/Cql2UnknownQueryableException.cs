namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A filter that names a property which is not a queryable. OGC 21-065r2 CQL2 clause 6 (requirement
/// "/req/basic-cql2/property") requires property names to be queryables; we refuse unknown ones rather than
/// evaluating them against raw JSON, which could not use an index.
/// </summary>
public sealed class Cql2UnknownQueryableException : Cql2Exception
{
    public Cql2UnknownQueryableException()
    {
        Name = "";
    }

    public Cql2UnknownQueryableException(string name)
        : base($"'{name}' is not a queryable property; see the queryables of the collection.")
    {
        Name = name;
    }

    public Cql2UnknownQueryableException(string name, Exception innerException)
        : base($"'{name}' is not a queryable property; see the queryables of the collection.", innerException)
    {
        Name = name;
    }

    /// <summary>The property name as written in the filter.</summary>
    public string Name { get; }
}
