namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A filter that does not follow the CQL2 grammar: the BNF of OGC 21-065r2 CQL2 Annex B for cql2-text, the JSON
/// Schema of Annex C for cql2-json. Text errors carry the 1-based character <see cref="Position"/> of the offending
/// token (the length of the input plus one when the filter ends too early); JSON errors carry a
/// <see cref="JsonPath"/> such as <c>$.args[1].args[0]</c>.
/// </summary>
public sealed class Cql2SyntaxException : Cql2Exception
{
    public Cql2SyntaxException()
    {
    }

    public Cql2SyntaxException(string message)
        : base(message)
    {
    }

    public Cql2SyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A cql2-text error at the given 1-based character position.</summary>
    public Cql2SyntaxException(string message, int position)
        : base($"{message} (at position {position})")
    {
        Position = position;
    }

    /// <summary>A cql2-json error at the given JSON path.</summary>
    public Cql2SyntaxException(string message, string jsonPath)
        : base($"{message} (at {jsonPath})")
    {
        JsonPath = jsonPath;
    }

    /// <summary>A cql2-json error at the given JSON path, caused by a failure of an underlying reader.</summary>
    public Cql2SyntaxException(string message, string jsonPath, Exception innerException)
        : base($"{message} (at {jsonPath})", innerException)
    {
        JsonPath = jsonPath;
    }

    /// <summary>The 1-based character position of the offending cql2-text token; null for cql2-json.</summary>
    public int? Position { get; }

    /// <summary>The location of the offending cql2-json value, <c>$</c> being the filter itself; null for cql2-text.</summary>
    public string? JsonPath { get; }
}
