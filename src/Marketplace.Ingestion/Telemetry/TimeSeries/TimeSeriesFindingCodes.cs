namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>
/// Finding codes of <see cref="CsvTimeSeriesCheck"/> (<c>csv.</c> for the file syntax) and
/// <see cref="ParquetTimeSeriesCheck"/> (<c>parquet.</c>); <c>timeseries.</c> codes apply to both. Locations read
/// <c>line {l}, row {r}, column '{name}'</c> for CSV and <c>row {r}, row group {g}, column '{name}'</c> for Parquet;
/// lines and rows count from 1 (row 1 is the first data row), row groups from 0.
/// </summary>
public static class TimeSeriesFindingCodes
{
    /// <summary>Error: the CSV has no header row (empty, or the first row holds data).</summary>
    public const string CsvHeaderMissing = "csv.header-missing";

    /// <summary>Error: two header cells name the same column (ignoring case).</summary>
    public const string CsvHeaderDuplicate = "csv.header-duplicate";

    /// <summary>Error: a row has a different number of fields than the header (RFC 4180 §2.4).</summary>
    public const string CsvFieldCount = "csv.field-count";

    /// <summary>Error: a double quote inside an unquoted field, or text after a closing quote (RFC 4180 §2.5-2.7).</summary>
    public const string CsvQuoteInvalid = "csv.quote-invalid";

    /// <summary>Error: the file ends inside a quoted field.</summary>
    public const string CsvQuoteUnterminated = "csv.quote-unterminated";

    /// <summary>Error: a field is longer than the configured maximum and was cut.</summary>
    public const string CsvFieldTooLong = "csv.field-too-long";

    /// <summary>Error: the file is not a readable Parquet file.</summary>
    public const string ParquetUnreadable = "parquet.unreadable";

    /// <summary>Error: the series has no data row.</summary>
    public const string Empty = "timeseries.empty";

    /// <summary>Error: no timestamp column (the named one, or one of the configured names).</summary>
    public const string TimestampColumnMissing = "timeseries.timestamp-column-missing";

    /// <summary>Error: a column with a declared range is not in the file.</summary>
    public const string ColumnMissing = "timeseries.column-missing";

    /// <summary>Error: a Parquet column's type cannot hold timestamps or numbers as needed.</summary>
    public const string ColumnType = "timeseries.column-type";

    /// <summary>Error: a timestamp is empty or not ISO 8601 / RFC 3339 (<c>2024-01-31T12:00:00Z</c>; no offset means UTC).</summary>
    public const string TimestampInvalid = "timeseries.timestamp-invalid";

    /// <summary>Error: a timestamp is not after the previous row's (timestamps must increase strictly).</summary>
    public const string TimestampNotIncreasing = "timeseries.timestamp-not-increasing";

    /// <summary>Warning: the step between two consecutive timestamps exceeds the gap factor times the median step.</summary>
    public const string Gap = "timeseries.gap";

    /// <summary>Error: a value of a column with a declared range is not a number.</summary>
    public const string ValueInvalid = "timeseries.value-invalid";

    /// <summary>Error: a value lies outside its column's declared range.</summary>
    public const string ValueOutOfRange = "timeseries.value-out-of-range";
}
