namespace Marketplace.Catalog.Cql2;

/// <summary>
/// One cql2-text token. <see cref="Text"/> is the unescaped value for strings and quoted identifiers and the source
/// text otherwise; <see cref="Offset"/> is 0-based, <see cref="Position"/> 1-based.
/// </summary>
internal readonly record struct Cql2Token(Cql2TokenKind Kind, string Text, int Offset, int Length)
{
    public int Position => Offset + 1;

    public bool IsKeyword(string keyword) =>
        Kind == Cql2TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        Cql2TokenKind.End => "the end of the filter",
        Cql2TokenKind.String => $"the string '{Text}'",
        Cql2TokenKind.QuotedIdentifier => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
