namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>Finds the timestamp column and the columns with declared ranges among a file's column names.</summary>
internal static class TimeSeriesColumns
{
    /// <summary>Index of the timestamp column: the one named by the caller, else the first configured name present; -1 if none.</summary>
    public static int FindTimestamp(IReadOnlyList<string> names, TimeSeriesExpectations expectations, TimeSeriesCheckOptions settings)
    {
        IEnumerable<string> candidates = expectations.TimestampColumn is { } named ? [named] : settings.EffectiveTimestampColumns;
        foreach (var candidate in candidates)
        {
            var index = IndexOf(names, candidate);
            if (index >= 0)
            {
                return index;
            }
        }
        return -1;
    }

    /// <summary>The name the caller expected, for messages.</summary>
    public static string ExpectedTimestamp(TimeSeriesExpectations expectations, TimeSeriesCheckOptions settings) =>
        expectations.TimestampColumn ?? string.Join(" or ", settings.EffectiveTimestampColumns.Select(n => $"'{n}'"));

    public static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
