namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>Facts about one column with a declared range.</summary>
/// <param name="Name">The column as named in the file.</param>
/// <param name="Values">Numeric values read.</param>
/// <param name="Missing">Empty cells, nulls and NaN.</param>
/// <param name="Invalid">Cells that are not numbers.</param>
/// <param name="OutOfRange">Values outside the declared range.</param>
/// <param name="Min">Smallest value read.</param>
/// <param name="Max">Largest value read.</param>
public sealed record ColumnSummary(string Name, long Values, long Missing, long Invalid, long OutOfRange, double? Min, double? Max);
