namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>The declared range of a column's values, both ends included.</summary>
public sealed record ValueRange(double Min, double Max)
{
    public bool Contains(double value) => value >= Min && value <= Max;
}
