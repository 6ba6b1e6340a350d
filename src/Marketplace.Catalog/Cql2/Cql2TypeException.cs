namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A syntactically valid filter whose operands have incompatible types, e.g. a string literal compared with a numeric
/// property. OGC 21-065r2 CQL2 clause 6 ("Basic CQL2", scalar data types and type casts) leaves such comparisons to the
/// server; this one refuses them instead of casting.
/// </summary>
public sealed class Cql2TypeException : Cql2Exception
{
    public Cql2TypeException()
    {
    }

    public Cql2TypeException(string message)
        : base(message)
    {
    }

    public Cql2TypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
