namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>Where a keyword or line is: a KVN line, or an XML line and position. Formatted only when a finding needs it.</summary>
internal readonly record struct SourcePosition(long Line, int Position = 0)
{
    public override string ToString() =>
        Position > 0 ? FindingLocation.XmlNode((int)Line, Position) : FindingLocation.Line(Line);
}
