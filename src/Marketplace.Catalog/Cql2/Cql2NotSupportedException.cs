namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A valid CQL2 construct from a requirements class this server does not implement (OGC 21-065r2 CQL2 clause 2,
/// conformance): accent-insensitive comparison (ACCENTI), custom functions and arithmetic expressions.
/// </summary>
public sealed class Cql2NotSupportedException : Cql2Exception
{
    public Cql2NotSupportedException()
    {
    }

    public Cql2NotSupportedException(string message)
        : base(message)
    {
    }

    public Cql2NotSupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
