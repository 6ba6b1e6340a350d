using System.Globalization;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>
/// Reads one column of one Parquet row group as timestamps or numbers, one cell per row: a value, <c>null</c> for a
/// null cell, or the text of a string cell that does not parse. Returns <c>null</c> when the column's type cannot
/// hold what is asked for.
/// </summary>
internal static class ParquetCells
{
    public static async Task<Cell<DateTimeOffset>[]?> ReadTimestampsAsync(
        ParquetRowGroupReader group, DataField field, CancellationToken ct)
    {
        using var raw = await group.ReadRawColumnDataBaseAsync(field, ct);
        return raw switch
        {
            RawColumnData<DateTime> d => Map(d, field, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc))),
            RawColumnData<DateTimeOffset> d => Map(d, field, v => v.ToUniversalTime()),
            RawColumnData<DateOnly> d => Map(d, field, v => new DateTimeOffset(v.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
            RawColumnData<ReadOnlyMemory<char>> d => MapText<DateTimeOffset>(d, field, text => Timestamps.TryParse(text, out var t) ? t : null),
            _ => null,
        };
    }

    public static async Task<Cell<double>[]?> ReadNumbersAsync(ParquetRowGroupReader group, DataField field, CancellationToken ct)
    {
        using var raw = await group.ReadRawColumnDataBaseAsync(field, ct);
        return raw switch
        {
            RawColumnData<double> d => Map(d, field, v => v),
            RawColumnData<float> d => Map(d, field, v => (double)v),
            RawColumnData<Half> d => Map(d, field, v => (double)v),
            RawColumnData<decimal> d => Map(d, field, v => (double)v),
            RawColumnData<long> d => Map(d, field, v => (double)v),
            RawColumnData<int> d => Map(d, field, v => (double)v),
            RawColumnData<short> d => Map(d, field, v => (double)v),
            RawColumnData<sbyte> d => Map(d, field, v => (double)v),
            RawColumnData<ulong> d => Map(d, field, v => (double)v),
            RawColumnData<uint> d => Map(d, field, v => (double)v),
            RawColumnData<ushort> d => Map(d, field, v => (double)v),
            RawColumnData<byte> d => Map(d, field, v => (double)v),
            RawColumnData<ReadOnlyMemory<char>> d => MapText<double>(d, field,
                text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null),
            _ => null,
        };
    }

    private static Cell<TOut>[] Map<T, TOut>(RawColumnData<T> data, DataField field, Func<T, TOut> convert)
        where T : struct
        where TOut : struct
    {
        if (field.IsNullable)
        {
            return data.NullableValues.Select(v => v is { } value ? new Cell<TOut>(convert(value), null) : default).ToArray();
        }
        var values = data.Values;
        var cells = new Cell<TOut>[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            cells[i] = new Cell<TOut>(convert(values[i]), null);
        }
        return cells;
    }

    private static Cell<TOut>[] MapText<TOut>(RawColumnData<ReadOnlyMemory<char>> data, DataField field, Func<string, TOut?> parse)
        where TOut : struct
    {
        IEnumerable<ReadOnlyMemory<char>?> texts = field.IsNullable
            ? data.NullableValues
            : data.Values.ToArray().Select(v => (ReadOnlyMemory<char>?)v);
        return texts.Select(t =>
        {
            if (t is not { } memory)
            {
                return default;
            }
            var text = memory.ToString().Trim();
            return parse(text) is { } value ? new Cell<TOut>(value, null) : new Cell<TOut>(null, text);
        }).ToArray();
    }
}
