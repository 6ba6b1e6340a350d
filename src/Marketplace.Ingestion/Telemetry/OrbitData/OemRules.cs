using System.Globalization;
using static System.FormattableString;

namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>
/// The content rules of one Orbit Ephemeris Message (CCSDS 502.0-B-2 §5), checked as the message streams by: the
/// mandatory header (Table 5-2); per segment the mandatory metadata (Table 5-3) between META_START and META_STOP,
/// with START_TIME ≤ USEABLE_START_TIME ≤ USEABLE_STOP_TIME ≤ STOP_TIME; then ephemeris lines of an epoch and 6 or 9
/// numbers, epochs strictly increasing and inside START_TIME … STOP_TIME; optional covariance blocks.
/// </summary>
/// <remarks>
/// USEABLE_START_TIME and USEABLE_STOP_TIME mark the part of the segment fit for interpolation; the standard lets
/// ephemeris lines extend past them (to support interpolation at the ends), so lines outside the useable span are not
/// findings, but ephemeris that does not reach across it is.
/// </remarks>
internal sealed class OemRules(FindingCollector findings, OrbitDataCheckOptions settings, OemTally tally)
    : IOrbitDataMessageHandler
{
    private const int PositionVelocityValues = 7;
    private const int WithAccelerationValues = 10;

    private readonly KeywordSet _header = new("OEM header", OrbitDataKeywords.OemHeader, findings);
    private KeywordSet? _metadata;
    private OemSegment? _segment;
    private Section _section = Section.Header;
    private bool _sawKeyword;
    private long _segments;

    private enum Section
    {
        Header,
        Metadata,
        Data,
        Covariance,
    }

    public void Keyword(string keyword, string value, SourcePosition position)
    {
        if (!_sawKeyword && keyword != OrbitDataKeywords.Comment)
        {
            _sawKeyword = true;
            if (keyword != OrbitDataKeywords.OemVersion)
            {
                findings.Warning(OrbitDataFindingCodes.KeywordOrder,
                    Invariant($"The OEM must open with {OrbitDataKeywords.OemVersion}, not {keyword}."), position.ToString());
            }
        }
        switch (_section)
        {
            case Section.Header:
                _header.Add(keyword, value, position);
                break;
            case Section.Metadata:
                _metadata!.Add(keyword, value, position);
                break;
            case Section.Covariance:
                CovarianceKeyword(keyword, value, position);
                break;
            case Section.Data when keyword != OrbitDataKeywords.Comment:
                findings.Error(OrbitDataFindingCodes.KvnSyntax,
                    Invariant($"{keyword} among ephemeris lines; only ephemeris lines, COMMENT, META_START and COVARIANCE_START may follow META_STOP."),
                    position.ToString());
                break;
        }
    }

    public void MetadataStart(SourcePosition position)
    {
        switch (_section)
        {
            case Section.Header:
                CheckHeader(position);
                break;
            case Section.Metadata:
                findings.Error(OrbitDataFindingCodes.KvnSyntax,
                    "META_START inside a metadata block; META_STOP is missing.", position.ToString());
                break;
            case Section.Covariance:
                findings.Error(OrbitDataFindingCodes.OemCovarianceUnterminated,
                    "META_START inside a covariance block; COVARIANCE_STOP is missing.", position.ToString());
                FinishSegment(position);
                break;
            case Section.Data:
                FinishSegment(position);
                break;
        }
        _section = Section.Metadata;
        _metadata = new KeywordSet("OEM metadata", OrbitDataKeywords.OemMetadata, findings);
        _segment = new OemSegment(position);
        _segments++;
        tally.Segments++;
    }

    public void MetadataStop(SourcePosition position)
    {
        if (_section != Section.Metadata || _metadata is null || _segment is null)
        {
            findings.Error(OrbitDataFindingCodes.KvnSyntax, "META_STOP without META_START.", position.ToString());
            return;
        }
        _metadata.Require(OrbitDataKeywords.OemRequiredMetadata, "metadata, CCSDS 502.0-B-2 Table 5-3", position);
        _segment.StartTime = _metadata.Time(OrbitDataKeywords.StartTime);
        _segment.StopTime = _metadata.Time(OrbitDataKeywords.StopTime);
        _segment.UseableStartTime = _metadata.Time(OrbitDataKeywords.UseableStartTime);
        _segment.UseableStopTime = _metadata.Time(OrbitDataKeywords.UseableStopTime);
        _metadata.Time(OrbitDataKeywords.RefFrameEpoch);
        if (_metadata.Value(OrbitDataKeywords.InterpolationDegree) is { } degree
            && !int.TryParse(degree, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            findings.Error(OrbitDataFindingCodes.ValueInvalid,
                Invariant($"INTERPOLATION_DEGREE = '{degree}' is not a whole number."), position.ToString());
        }
        CheckSpan(_segment, position);
        _section = Section.Data;
    }

    public void CovarianceStart(SourcePosition position)
    {
        if (_section != Section.Data)
        {
            findings.Error(OrbitDataFindingCodes.KvnSyntax,
                "COVARIANCE_START must follow the ephemeris lines of a segment.", position.ToString());
            return;
        }
        _section = Section.Covariance;
    }

    public void CovarianceStop(SourcePosition position)
    {
        if (_section != Section.Covariance)
        {
            findings.Error(OrbitDataFindingCodes.KvnSyntax, "COVARIANCE_STOP without COVARIANCE_START.", position.ToString());
            return;
        }
        _section = Section.Data;
    }

    public void DataLine(IReadOnlyList<string> values, SourcePosition position)
    {
        switch (_section)
        {
            case Section.Data:
                EphemerisLine(values, position);
                break;
            case Section.Covariance:
                foreach (var value in values.Where(v => !KeywordSet.IsNumber(v)))
                {
                    findings.Error(OrbitDataFindingCodes.ValueInvalid,
                        Invariant($"Covariance value '{value}' is not a number."), position.ToString());
                }
                break;
            default:
                findings.Error(OrbitDataFindingCodes.KvnSyntax,
                    Invariant($"'{string.Join(' ', values)}' is not KEYWORD = value; ephemeris lines belong after META_STOP."),
                    position.ToString());
                break;
        }
    }

    public void End(SourcePosition position)
    {
        switch (_section)
        {
            case Section.Header:
                CheckHeader(position);
                break;
            case Section.Metadata:
                findings.Error(OrbitDataFindingCodes.OemMetadataUnterminated,
                    "The message ends inside a metadata block; META_STOP is missing.", position.ToString());
                break;
            case Section.Covariance:
                findings.Error(OrbitDataFindingCodes.OemCovarianceUnterminated,
                    "The message ends inside a covariance block; COVARIANCE_STOP is missing.", position.ToString());
                FinishSegment(position);
                break;
            case Section.Data:
                FinishSegment(position);
                break;
        }
        if (_segments == 0)
        {
            findings.Error(OrbitDataFindingCodes.OemSegmentMissing,
                "The OEM has no segment: META_START, metadata, META_STOP and ephemeris lines.", position.ToString());
        }
        tally.Messages++;
    }

    private void CheckHeader(SourcePosition position)
    {
        _header.Require(OrbitDataKeywords.OemRequiredHeader, "header, CCSDS 502.0-B-2 Table 5-2", position);
        _header.Time(OrbitDataKeywords.CreationDate);
        if (_header.Value(OrbitDataKeywords.OemVersion) is { } version && !settings.EffectiveSupportedVersions.Contains(version))
        {
            findings.Warning(OrbitDataFindingCodes.VersionUnsupported,
                Invariant($"{OrbitDataKeywords.OemVersion} = {version}; supported are {string.Join(", ", settings.EffectiveSupportedVersions)}."),
                position.ToString());
        }
    }

    private void CheckSpan(OemSegment segment, SourcePosition position)
    {
        void Invalid(string problem) =>
            findings.Error(OrbitDataFindingCodes.OemTimeSpanInvalid, problem, position.ToString());

        if (segment.StartTime is { } start && segment.StopTime is { } stop && start > stop)
        {
            Invalid("START_TIME is after STOP_TIME.");
        }
        if (segment.UseableStartTime is { } useableStart && segment.UseableStopTime is { } useableStop && useableStart > useableStop)
        {
            Invalid("USEABLE_START_TIME is after USEABLE_STOP_TIME.");
        }
        if (segment.UseableStartTime < segment.StartTime)
        {
            Invalid("USEABLE_START_TIME is before START_TIME.");
        }
        if (segment.UseableStopTime > segment.StopTime)
        {
            Invalid("USEABLE_STOP_TIME is after STOP_TIME.");
        }
    }

    private void EphemerisLine(IReadOnlyList<string> values, SourcePosition position)
    {
        var segment = _segment!;
        if (values.Count is not (PositionVelocityValues or WithAccelerationValues))
        {
            findings.Error(OrbitDataFindingCodes.OemEphemerisLine,
                Invariant($"The line has {values.Count} values; an ephemeris line is an epoch and 6 numbers (position, velocity) or 9 (and acceleration)."),
                position.ToString());
            return;
        }
        if (!CcsdsTime.TryParse(values[0], out var epoch))
        {
            findings.Error(OrbitDataFindingCodes.TimeInvalid,
                Invariant($"Epoch '{values[0]}' is not a CCSDS time (YYYY-MM-DDThh:mm:ss[.d…] or YYYY-DDDThh:mm:ss[.d…])."),
                position.ToString());
            return;
        }
        for (var i = 1; i < values.Count; i++)
        {
            if (!KeywordSet.IsNumber(values[i]))
            {
                findings.Error(OrbitDataFindingCodes.OemEphemerisLine,
                    Invariant($"Value {i + 1} ('{values[i]}') is not a number."), position.ToString());
                return;
            }
        }

        segment.Lines++;
        tally.StateVectors++;
        tally.Epochs.Add(epoch);
        if (segment.PreviousEpoch is { } previous && epoch <= previous)
        {
            findings.Error(OrbitDataFindingCodes.OemEpochNotIncreasing,
                Invariant($"Epoch {values[0]} is not after the previous epoch {segment.PreviousEpochText} ({segment.PreviousEpochPosition}); epochs must increase."),
                position.ToString());
        }
        if (epoch < segment.StartTime || epoch > segment.StopTime)
        {
            findings.Error(OrbitDataFindingCodes.OemEpochOutsideSpan,
                Invariant($"Epoch {values[0]} lies outside START_TIME … STOP_TIME of its segment."), position.ToString());
        }
        segment.Covered.Add(epoch);
        segment.PreviousEpoch = epoch;
        segment.PreviousEpochText = values[0];
        segment.PreviousEpochPosition = position;
    }

    private void CovarianceKeyword(string keyword, string value, SourcePosition position)
    {
        if (keyword == OrbitDataKeywords.Epoch)
        {
            tally.CovarianceMatrices++;
            if (!CcsdsTime.TryParse(value, out _))
            {
                findings.Error(OrbitDataFindingCodes.TimeInvalid,
                    Invariant($"EPOCH = '{value}' is not a CCSDS time."), position.ToString());
            }
        }
        else if (OrbitDataKeywords.CovarianceElements.Contains(keyword))
        {
            if (!KeywordSet.IsNumber(value))
            {
                findings.Error(OrbitDataFindingCodes.ValueInvalid,
                    Invariant($"{keyword} = '{value}' is not a number."), position.ToString());
            }
        }
        else if (keyword is not (OrbitDataKeywords.Comment or OrbitDataKeywords.CovarianceReferenceFrame))
        {
            findings.Warning(OrbitDataFindingCodes.KeywordUnknown,
                Invariant($"{keyword} is not a keyword of an OEM covariance block."), position.ToString());
        }
    }

    private void FinishSegment(SourcePosition position)
    {
        var segment = _segment!;
        if (segment.Lines == 0)
        {
            findings.Error(OrbitDataFindingCodes.OemSegmentEmpty,
                Invariant($"The segment begun at {segment.Start} has no ephemeris line."), position.ToString());
            return;
        }
        var reachesStart = segment.UseableStartTime is not { } useableStart || segment.Covered.Earliest <= useableStart;
        var reachesStop = segment.UseableStopTime is not { } useableStop || segment.Covered.Latest >= useableStop;
        if (!reachesStart || !reachesStop)
        {
            findings.Warning(OrbitDataFindingCodes.OemUseableNotCovered,
                Invariant($"The ephemeris of the segment begun at {segment.Start} does not reach across USEABLE_START_TIME … USEABLE_STOP_TIME."),
                position.ToString());
        }
    }
}
