namespace Marketplace.Catalog.Cql2;

/// <summary>
/// The ACCENTI function (OGC 21-065r2 CQL2 clause 7, requirements class "Accent-insensitive Comparison"). It parses,
/// but the translator refuses it with <see cref="Cql2NotSupportedException"/>: PostgreSQL needs the
/// <c>unaccent</c> extension for it, which we do not install.
/// </summary>
public sealed record AccentInsensitive(Cql2Expression Arg) : Cql2Expression;
