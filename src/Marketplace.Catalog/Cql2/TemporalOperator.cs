namespace Marketplace.Catalog.Cql2;

/// <summary>
/// The temporal comparison functions of OGC 21-065r2 CQL2 clause 7 (requirements class "Temporal Functions"),
/// defined by the interval relations of the W3C/OGC Time Ontology in OWL (Allen's interval algebra).
/// </summary>
public enum TemporalOperator
{
    /// <summary><c>T_AFTER</c>: the first starts after the second ends.</summary>
    After,

    /// <summary><c>T_BEFORE</c>: the first ends before the second starts.</summary>
    Before,

    /// <summary><c>T_CONTAINS</c>: the second lies strictly inside the first.</summary>
    Contains,

    /// <summary><c>T_DISJOINT</c>: before or after.</summary>
    Disjoint,

    /// <summary><c>T_DURING</c>: the first lies strictly inside the second.</summary>
    During,

    /// <summary><c>T_EQUALS</c>: same start and same end.</summary>
    Equals,

    /// <summary><c>T_FINISHEDBY</c>: the first starts earlier and both end together.</summary>
    FinishedBy,

    /// <summary><c>T_FINISHES</c>: the first starts later and both end together.</summary>
    Finishes,

    /// <summary><c>T_INTERSECTS</c>: not disjoint.</summary>
    Intersects,

    /// <summary><c>T_MEETS</c>: the first ends where the second starts.</summary>
    Meets,

    /// <summary><c>T_METBY</c>: the first starts where the second ends.</summary>
    MetBy,

    /// <summary><c>T_OVERLAPPEDBY</c>: the second starts first and ends inside the first.</summary>
    OverlappedBy,

    /// <summary><c>T_OVERLAPS</c>: the first starts first and ends inside the second.</summary>
    Overlaps,

    /// <summary><c>T_STARTEDBY</c>: both start together and the first ends later.</summary>
    StartedBy,

    /// <summary><c>T_STARTS</c>: both start together and the first ends earlier.</summary>
    Starts,
}
