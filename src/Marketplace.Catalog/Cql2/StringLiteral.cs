namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A character literal (OGC 21-065r2 CQL2 clause 6, <c>characterLiteral</c>: single-quoted in cql2-text with
/// <c>''</c> or <c>\'</c> for a quote; a JSON string in cql2-json). <see cref="Value"/> is unescaped.
/// </summary>
public sealed record StringLiteral(string Value) : Cql2Expression;
