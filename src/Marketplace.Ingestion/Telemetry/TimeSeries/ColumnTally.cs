namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>Running counts of one column with a declared range.</summary>
internal sealed class ColumnTally(string name, ValueRange range)
{
    public string Name { get; } = name;

    public ValueRange Range { get; } = range;

    public long Values { get; set; }

    public long Missing { get; set; }

    public long Invalid { get; set; }

    public long OutOfRange { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    public ColumnSummary ToSummary() => new(Name, Values, Missing, Invalid, OutOfRange, Min, Max);
}
