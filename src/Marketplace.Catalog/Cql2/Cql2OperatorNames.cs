using System.Collections.Frozen;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// The function names of the spatial, temporal and array predicates, as spelled in OGC 21-065r2 CQL2 Annex B
/// (upper case in cql2-text) and Annex C (<c>s_intersects</c>, <c>t_finishedBy</c>, … in cql2-json); both
/// encodings are matched case-insensitively.
/// </summary>
internal static class Cql2OperatorNames
{
    public static readonly FrozenDictionary<string, SpatialOperator> Spatial = new Dictionary<string, SpatialOperator>
    {
        ["S_INTERSECTS"] = SpatialOperator.Intersects,
        ["S_EQUALS"] = SpatialOperator.Equals,
        ["S_DISJOINT"] = SpatialOperator.Disjoint,
        ["S_TOUCHES"] = SpatialOperator.Touches,
        ["S_WITHIN"] = SpatialOperator.Within,
        ["S_OVERLAPS"] = SpatialOperator.Overlaps,
        ["S_CROSSES"] = SpatialOperator.Crosses,
        ["S_CONTAINS"] = SpatialOperator.Contains,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, TemporalOperator> Temporal = new Dictionary<string, TemporalOperator>
    {
        ["T_AFTER"] = TemporalOperator.After,
        ["T_BEFORE"] = TemporalOperator.Before,
        ["T_CONTAINS"] = TemporalOperator.Contains,
        ["T_DISJOINT"] = TemporalOperator.Disjoint,
        ["T_DURING"] = TemporalOperator.During,
        ["T_EQUALS"] = TemporalOperator.Equals,
        ["T_FINISHEDBY"] = TemporalOperator.FinishedBy,
        ["T_FINISHES"] = TemporalOperator.Finishes,
        ["T_INTERSECTS"] = TemporalOperator.Intersects,
        ["T_MEETS"] = TemporalOperator.Meets,
        ["T_METBY"] = TemporalOperator.MetBy,
        ["T_OVERLAPPEDBY"] = TemporalOperator.OverlappedBy,
        ["T_OVERLAPS"] = TemporalOperator.Overlaps,
        ["T_STARTEDBY"] = TemporalOperator.StartedBy,
        ["T_STARTS"] = TemporalOperator.Starts,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, ArrayOperator> Array = new Dictionary<string, ArrayOperator>
    {
        ["A_EQUALS"] = ArrayOperator.Equals,
        ["A_CONTAINS"] = ArrayOperator.Contains,
        ["A_CONTAINEDBY"] = ArrayOperator.ContainedBy,
        ["A_OVERLAPS"] = ArrayOperator.Overlaps,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}
