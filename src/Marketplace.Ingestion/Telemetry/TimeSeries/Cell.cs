namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>One cell read for checking: its value, or the text that did not parse; both <c>null</c> for an empty cell.</summary>
internal readonly record struct Cell<T>(T? Value, string? Unparsed)
    where T : struct;
