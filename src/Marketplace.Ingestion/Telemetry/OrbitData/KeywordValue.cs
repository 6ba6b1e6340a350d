namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>A keyword's value and where it was written.</summary>
internal readonly record struct KeywordValue(string Value, SourcePosition Position);
