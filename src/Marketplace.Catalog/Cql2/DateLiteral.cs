namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A calendar-date instant (OGC 21-065r2 CQL2 clause 6, <c>dateInstant</c>: <c>DATE('1969-07-20')</c> or
/// <c>{"date": "..."}</c>). Against timestamps the translator treats it as the whole UTC day.
/// </summary>
public sealed record DateLiteral(DateOnly Value) : Cql2Expression;
