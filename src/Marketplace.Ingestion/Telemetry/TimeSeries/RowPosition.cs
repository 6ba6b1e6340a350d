namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>Where a data row is: its number from 1 and, for CSV, the line it starts on, for Parquet its row group.</summary>
internal readonly record struct RowPosition(long Row, long Line, int RowGroup);
