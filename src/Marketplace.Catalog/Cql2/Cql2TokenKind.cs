namespace Marketplace.Catalog.Cql2;

/// <summary>The lexical classes of cql2-text (OGC 21-065r2 CQL2 Annex B).</summary>
internal enum Cql2TokenKind
{
    Identifier,
    QuotedIdentifier,
    String,
    Number,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,

    /// <summary>An arithmetic operator (<c>+ - * / ^ %</c>): recognised so that it can be refused clearly.</summary>
    Arithmetic,
    End,
}
