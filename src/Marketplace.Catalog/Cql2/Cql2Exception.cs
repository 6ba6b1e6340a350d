namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A filter that cannot be parsed or translated: the client's fault, to be answered with 400 (OGC API - Features -
/// Part 3 §8 "invalid filter"). The subclasses say why: syntax (OGC 21-065r2 CQL2 Annex B/C), types (clause 6/7),
/// unknown queryables, or a CQL2 requirements class this server does not implement (clause 2).
/// </summary>
public class Cql2Exception : Exception
{
    public Cql2Exception()
    {
    }

    public Cql2Exception(string message)
        : base(message)
    {
    }

    public Cql2Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
