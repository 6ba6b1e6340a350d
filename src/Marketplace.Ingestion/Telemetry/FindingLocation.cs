using System.Globalization;

namespace Marketplace.Ingestion.Telemetry;

/// <summary>
/// How telemetry findings name where they are. Byte offsets and packet indexes count from 0; line, row and column
/// numbers count from 1 (row 1 is the first data row, after any header).
/// </summary>
internal static class FindingLocation
{
    public static string Packet(long byteOffset, long packetIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"byte {byteOffset}, packet {packetIndex}");

    public static string Line(long line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");

    public static string LineColumn(long line, int column) =>
        string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}");

    public static string LineColumns(long line, int firstColumn, int lastColumn) =>
        string.Create(CultureInfo.InvariantCulture, $"line {line}, columns {firstColumn}-{lastColumn}");

    public static string XmlNode(int line, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"line {line}, position {position}");

    public static string CsvCell(long line, long row, string column) =>
        string.Create(CultureInfo.InvariantCulture, $"line {line}, row {row}, column '{column}'");

    public static string CsvRow(long line, long row) =>
        string.Create(CultureInfo.InvariantCulture, $"line {line}, row {row}");

    public static string ParquetCell(long row, int rowGroup, string column) =>
        string.Create(CultureInfo.InvariantCulture, $"row {row}, row group {rowGroup}, column '{column}'");
}
