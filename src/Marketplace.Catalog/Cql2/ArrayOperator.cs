namespace Marketplace.Catalog.Cql2;

/// <summary>The array comparison functions of OGC 21-065r2 CQL2 clause 7 (requirements class "Array Functions").</summary>
public enum ArrayOperator
{
    /// <summary><c>A_EQUALS</c>: both arrays hold the same elements.</summary>
    Equals,

    /// <summary><c>A_CONTAINS</c>: the first holds every element of the second.</summary>
    Contains,

    /// <summary><c>A_CONTAINEDBY</c>: every element of the first is in the second.</summary>
    ContainedBy,

    /// <summary><c>A_OVERLAPS</c>: the arrays share at least one element.</summary>
    Overlaps,
}
