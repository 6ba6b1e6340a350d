using System.Globalization;
using Microsoft.Extensions.Options;
using static System.FormattableString;

namespace Marketplace.Ingestion.Telemetry.Tle;

/// <summary>
/// Checks a file of two-line element sets, each optionally preceded by a title line ("line 0"), line by line with
/// bounded memory.
/// </summary>
/// <remarks>
/// Per element set: line 1 starts with "1 ", line 2 with "2 "; both are 69 columns (trailing spaces ignored);
/// column 69 is the modulo-10 checksum; both carry the same catalog number; the epoch is a real day of its year, not
/// in the future of the <see cref="TimeProvider"/> and not older than <see cref="TleCheckOptions.MaxEpochAge"/>;
/// angles, eccentricity and mean motion lie in their ranges; the other fields have their fixed-column format.
/// </remarks>
public sealed class TleCheck(IOptions<TleCheckOptions> options, TimeProvider clock)
{
    /// <summary>Reads <paramref name="tle"/> (ASCII or UTF-8 text) from its current position to its end.</summary>
    public async Task<TelemetryCheckResult<TleSummary>> CheckAsync(Stream tle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tle);
        var run = new Run(options.Value, clock.GetUtcNow());
        using var text = BoundedLineReader.OpenText(tle);
        var lines = new BoundedLineReader(text, options.Value.MaxLineLength);
        TextLine? title = null;
        TextLine? line1 = null;
        long lineCount = 0;
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            ct.ThrowIfCancellationRequested();
            lineCount = line.Number;
            var content = line.Text.TrimEnd();
            if (content.Length == 0)
            {
                continue;
            }
            if (line1 is { } first)
            {
                if (IsLine(content, '2'))
                {
                    run.CheckElementSet(first, line);
                    line1 = null;
                    title = null;
                    continue;
                }
                run.Findings.Error(TleFindingCodes.LineNumber,
                    Invariant($"Line 2 of the element set begun at line {first.Number} must start with \"2 \"."),
                    FindingLocation.Line(line.Number));
                line1 = null;
                title = null;
            }
            if (IsLine(content, '1'))
            {
                line1 = line;
            }
            else if (IsLine(content, '2'))
            {
                run.Findings.Error(TleFindingCodes.LineNumber,
                    "Line 2 of an element set without its line 1 before it.", FindingLocation.Line(line.Number));
                title = null;
            }
            else
            {
                if (title is { } previous)
                {
                    run.Findings.Error(TleFindingCodes.LineNumber,
                        Invariant($"The title at line {previous.Number} must be followed by line 1 (starting \"1 \")."),
                        FindingLocation.Line(line.Number));
                }
                title = line;
            }
        }

        if (line1 is { } unfinished)
        {
            run.Findings.Error(TleFindingCodes.LineNumber,
                "The file ends after line 1 of an element set; line 2 is missing.", FindingLocation.Line(unfinished.Number));
        }
        else if (title is { } orphan)
        {
            run.Findings.Error(TleFindingCodes.LineNumber,
                "The file ends after a title line; its element set is missing.", FindingLocation.Line(orphan.Number));
        }
        if (run.ElementSets == 0)
        {
            run.Findings.Error(TleFindingCodes.Empty, "The file holds no two-line element set.", FindingLocation.Line(1));
        }
        return new TelemetryCheckResult<TleSummary>(run.Findings.ToList(), run.ToSummary(lineCount));
    }

    private static bool IsLine(string content, char number) =>
        content[0] == number && (content.Length == 1 || content[1] == ' ');

    /// <summary>State of one pass over a file.</summary>
    private sealed class Run(TleCheckOptions settings, DateTimeOffset now)
    {
        private readonly HashSet<string> _objects = new(StringComparer.Ordinal);
        private DateTimeOffset? _earliest;
        private DateTimeOffset? _latest;

        public FindingCollector Findings { get; } = new(settings.MaxFindingsPerCode);

        public long ElementSets { get; private set; }

        public TleSummary ToSummary(long lines) => new(ElementSets, _objects.Count, _earliest, _latest, lines);

        public void CheckElementSet(TextLine line1, TextLine line2)
        {
            ElementSets++;
            var first = CheckShape(line1);
            var second = CheckShape(line2);
            if (first is not null)
            {
                CheckLine1(first, line1.Number);
            }
            if (second is not null)
            {
                CheckLine2(second, line2.Number);
            }
            if (first is null || second is null)
            {
                return;
            }
            var catalog1 = TleFormat.Columns(first, 3, 7);
            var catalog2 = TleFormat.Columns(second, 3, 7);
            if (!string.Equals(catalog1, catalog2, StringComparison.Ordinal))
            {
                Findings.Error(TleFindingCodes.CatalogMismatch,
                    Invariant($"Line 2 names catalog number '{catalog2.Trim()}', line 1 '{catalog1.Trim()}'."),
                    FindingLocation.LineColumns(line2.Number, 3, 7));
            }
            else if (TleFormat.IsCatalogNumber(catalog1))
            {
                _objects.Add(catalog1.Trim());
            }
        }

        /// <summary>The line without trailing spaces when it is 69 columns with a good checksum column, else <c>null</c>.</summary>
        private string? CheckShape(TextLine line)
        {
            var content = line.Text.TrimEnd();
            if (line.Truncated || content.Length != TleFormat.LineLength)
            {
                var length = line.Truncated ? Invariant($"more than {settings.MaxLineLength}") : Invariant($"{content.Length}");
                Findings.Error(TleFindingCodes.LineLength,
                    Invariant($"The line has {length} characters; TLE lines have {TleFormat.LineLength}."),
                    FindingLocation.Line(line.Number));
                return null;
            }
            var expected = TleFormat.Checksum(content);
            var written = content[TleFormat.ChecksumColumn - 1];
            if (written - '0' != expected)
            {
                Findings.Error(TleFindingCodes.Checksum,
                    Invariant($"Checksum column reads '{written}'; the modulo-10 sum of columns 1-68 is {expected}."),
                    FindingLocation.LineColumn(line.Number, TleFormat.ChecksumColumn));
            }
            return content;
        }

        private void CheckLine1(string line, long number)
        {
            RequireFormat(line, number, 3, 7, "satellite catalog number", TleFormat.IsCatalogNumber);
            RequireFormat(line, number, 8, 8, "classification (U, C or S)", f => f is "U" or "C" or "S");
            RequireFormat(line, number, 34, 43, "first derivative of mean motion", f => TleFormat.TryParseDecimal(f, out _));
            RequireFormat(line, number, 45, 52, "second derivative of mean motion", TleFormat.IsAssumedDecimalExponent);
            RequireFormat(line, number, 54, 61, "B* drag term", TleFormat.IsAssumedDecimalExponent);
            RequireFormat(line, number, 63, 63, "ephemeris type", f => TleFormat.IsPaddedInteger(f, allowBlank: true));
            RequireFormat(line, number, 65, 68, "element set number", f => TleFormat.IsPaddedInteger(f, allowBlank: true));

            if (!TleFormat.TryParseEpoch(TleFormat.Columns(line, 19, 20), TleFormat.Columns(line, 21, 32), out var epoch))
            {
                Findings.Error(TleFindingCodes.EpochInvalid,
                    Invariant($"Epoch '{TleFormat.Columns(line, 19, 32)}' is not a two-digit year and a day of that year (1.0 = 1 January 00:00)."),
                    FindingLocation.LineColumns(number, 19, 32));
                return;
            }
            _earliest = _earliest is { } e && e <= epoch ? e : epoch;
            _latest = _latest is { } l && l >= epoch ? l : epoch;
            if (epoch > now + settings.FutureEpochTolerance)
            {
                Findings.Warning(TleFindingCodes.EpochFuture,
                    Invariant($"Epoch {epoch:yyyy-MM-ddTHH:mm:ss.fffZ} is after now ({now:yyyy-MM-ddTHH:mm:ssZ})."),
                    FindingLocation.LineColumns(number, 19, 32));
            }
            else if (settings.MaxEpochAge is { } maxAge && now - epoch > maxAge)
            {
                Findings.Warning(TleFindingCodes.EpochStale,
                    Invariant($"Epoch {epoch:yyyy-MM-ddTHH:mm:ss.fffZ} is {(now - epoch).TotalDays:0.#} days old; at most {maxAge.TotalDays:0.#} expected."),
                    FindingLocation.LineColumns(number, 19, 32));
            }
        }

        private void CheckLine2(string line, long number)
        {
            RequireFormat(line, number, 3, 7, "satellite catalog number", TleFormat.IsCatalogNumber);
            CheckAngle(line, number, 9, 16, "inclination", 180.0);
            CheckAngle(line, number, 18, 25, "right ascension of the ascending node", 360.0);
            CheckAngle(line, number, 35, 42, "argument of perigee", 360.0);
            CheckAngle(line, number, 44, 51, "mean anomaly", 360.0);
            RequireFormat(line, number, 64, 68, "revolution number at epoch", f => TleFormat.IsPaddedInteger(f, allowBlank: true));

            var eccentricity = TleFormat.Columns(line, 27, 33);
            if (!eccentricity.All(char.IsAsciiDigit))
            {
                FieldFormat(number, 27, 33, "eccentricity (seven digits after an assumed decimal point)", eccentricity);
            }
            else
            {
                var e = int.Parse(eccentricity, CultureInfo.InvariantCulture) / 1e7;
                if (e > settings.MaxEccentricity)
                {
                    Findings.Error(TleFindingCodes.EccentricityRange,
                        Invariant($"Eccentricity {e:0.0000000} is above {settings.MaxEccentricity}."),
                        FindingLocation.LineColumns(number, 27, 33));
                }
            }

            var meanMotion = TleFormat.Columns(line, 53, 63);
            if (!TleFormat.TryParseDecimal(meanMotion, out var n))
            {
                FieldFormat(number, 53, 63, "mean motion", meanMotion);
            }
            else if (n < settings.MinMeanMotion || n > settings.MaxMeanMotion)
            {
                Findings.Error(TleFindingCodes.MeanMotionRange,
                    Invariant($"Mean motion {n} rev/day is outside {settings.MinMeanMotion}-{settings.MaxMeanMotion}."),
                    FindingLocation.LineColumns(number, 53, 63));
            }
        }

        private void CheckAngle(string line, long number, int first, int last, string name, double max)
        {
            var field = TleFormat.Columns(line, first, last);
            if (!TleFormat.TryParseDecimal(field, out var degrees))
            {
                FieldFormat(number, first, last, name, field);
            }
            else if (degrees < 0.0 || degrees > max)
            {
                Findings.Error(TleFindingCodes.AngleRange,
                    Invariant($"The {name} {degrees} is outside 0-{max} degrees."),
                    FindingLocation.LineColumns(number, first, last));
            }
        }

        private void RequireFormat(string line, long number, int first, int last, string name, Func<string, bool> isValid)
        {
            var field = TleFormat.Columns(line, first, last);
            if (!isValid(field))
            {
                FieldFormat(number, first, last, name, field);
            }
        }

        private void FieldFormat(long number, int first, int last, string name, string field) =>
            Findings.Error(TleFindingCodes.FieldFormat,
                Invariant($"'{field}' is not a valid {name}."),
                first == last ? FindingLocation.LineColumn(number, first) : FindingLocation.LineColumns(number, first, last));
    }
}
