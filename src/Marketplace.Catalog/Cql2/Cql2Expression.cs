namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A node of a parsed CQL2 filter: a predicate or logical combination (OGC 21-065r2 CQL2 Annex B,
/// <c>booleanExpression</c>) or an operand of one (property, literal, CASEI/ACCENTI). Both encodings, cql2-text and
/// cql2-json (clause 8), parse to the same tree, so equal filters compare equal.
/// </summary>
public abstract record Cql2Expression;
