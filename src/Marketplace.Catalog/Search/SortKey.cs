namespace Marketplace.Catalog.Search;

/// <summary>The kind of value a sort key holds, for keyset tokens.</summary>
public enum SortValueKind
{
    Timestamp,
    Number,
    Text,
}

/// <summary>
/// One key of a sort order (STAC API Sort extension): the field as the client named it, its SQL expression over
/// <c>catalog.items i</c> (null-safe, so keyset comparisons stay total), its kind and direction.
/// </summary>
public sealed record SortKey(string Field, string SqlExpression, SortValueKind Kind, bool Descending);
