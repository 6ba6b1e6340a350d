namespace Marketplace.Ingestion.Telemetry.Tle;

/// <summary>
/// Finding codes of <see cref="TleCheck"/>. Locations read <c>line {n}</c>, <c>line {n}, column {c}</c> or
/// <c>line {n}, columns {a}-{b}</c>, counting lines of the file and the 69 columns of a TLE line from 1.
/// </summary>
public static class TleFindingCodes
{
    /// <summary>Error: the file holds no element set.</summary>
    public const string Empty = "tle.empty";

    /// <summary>Error: a line is not the one expected: line 1 must start with "1 ", line 2 with "2 ", in that order, an optional title line before them.</summary>
    public const string LineNumber = "tle.line-number";

    /// <summary>Error: a TLE line is not 69 characters long (trailing spaces are ignored).</summary>
    public const string LineLength = "tle.line-length";

    /// <summary>Error: column 69 is not the modulo-10 sum of columns 1-68 (digits count their value, '-' counts 1).</summary>
    public const string Checksum = "tle.checksum";

    /// <summary>Error: lines 1 and 2 carry different satellite catalog numbers (columns 3-7).</summary>
    public const string CatalogMismatch = "tle.catalog-mismatch";

    /// <summary>Error: a field does not have its fixed-column format.</summary>
    public const string FieldFormat = "tle.field-format";

    /// <summary>Error: the epoch year or day of year (line 1, columns 19-32) is not a valid date.</summary>
    public const string EpochInvalid = "tle.epoch-invalid";

    /// <summary>Warning: the epoch lies in the future.</summary>
    public const string EpochFuture = "tle.epoch-future";

    /// <summary>Warning: the epoch is older than the configured age.</summary>
    public const string EpochStale = "tle.epoch-stale";

    /// <summary>Error: inclination is outside 0-180 degrees, or right ascension, argument of perigee or mean anomaly outside 0-360.</summary>
    public const string AngleRange = "tle.angle-range";

    /// <summary>Error: the eccentricity is above the configured maximum.</summary>
    public const string EccentricityRange = "tle.eccentricity-range";

    /// <summary>Error: the mean motion is outside the configured range.</summary>
    public const string MeanMotionRange = "tle.mean-motion-range";
}
