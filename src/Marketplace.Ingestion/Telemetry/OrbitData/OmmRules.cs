using static System.FormattableString;

namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>
/// The content rules of one Orbit Mean-Elements Message (CCSDS 502.0-B-2 §4): the mandatory header (Table 4-1),
/// metadata (Table 4-2) and mean elements (Table 4-3: EPOCH, MEAN_MOTION or SEMI_MAJOR_AXIS, ECCENTRICITY,
/// INCLINATION, RA_OF_ASC_NODE, ARG_OF_PERICENTER, MEAN_ANOMALY); times in CCSDS ASCII time code; numbers where
/// numbers belong; and, for an SGP4 theory, the TLE-related parameters.
/// </summary>
internal sealed class OmmRules(FindingCollector findings, OrbitDataCheckOptions settings, EpochRange epochs)
    : IOrbitDataMessageHandler
{
    private const string Block = "OMM";
    private readonly KeywordSet _keywords = new(Block, OrbitDataKeywords.OmmKnown, findings);
    private bool _sawKeyword;

    public void Keyword(string keyword, string value, SourcePosition position)
    {
        if (!_sawKeyword && keyword != OrbitDataKeywords.Comment)
        {
            _sawKeyword = true;
            if (keyword != OrbitDataKeywords.OmmVersion)
            {
                findings.Warning(OrbitDataFindingCodes.KeywordOrder,
                    Invariant($"The OMM must open with {OrbitDataKeywords.OmmVersion}, not {keyword}."), position.ToString());
            }
        }
        _keywords.Add(keyword, value, position);
    }

    // The OMM has no block delimiters in KVN; in XML its metadata and covariance elements need no rule of their own.
    public void MetadataStart(SourcePosition position)
    {
    }

    public void MetadataStop(SourcePosition position)
    {
    }

    public void CovarianceStart(SourcePosition position)
    {
    }

    public void CovarianceStop(SourcePosition position)
    {
    }

    public void DataLine(IReadOnlyList<string> values, SourcePosition position) =>
        findings.Error(OrbitDataFindingCodes.KvnSyntax,
            Invariant($"'{string.Join(' ', values)}' is not KEYWORD = value; an OMM has no data lines."), position.ToString());

    public void End(SourcePosition position)
    {
        _keywords.Require(OrbitDataKeywords.OmmRequiredHeader, "header, CCSDS 502.0-B-2 Table 4-1", position);
        _keywords.Require(OrbitDataKeywords.OmmRequiredMetadata, "metadata, Table 4-2", position);
        _keywords.Require(OrbitDataKeywords.OmmRequiredData, "mean elements, Table 4-3", position);
        if (!_keywords.Contains(OrbitDataKeywords.MeanMotion) && !_keywords.Contains(OrbitDataKeywords.SemiMajorAxis))
        {
            findings.Error(OrbitDataFindingCodes.KeywordMissing,
                "The OMM lacks both MEAN_MOTION and SEMI_MAJOR_AXIS; one of them is mandatory (mean elements, Table 4-3).",
                position.ToString());
        }
        if (_keywords.Value(OrbitDataKeywords.OmmVersion) is { } version && !settings.EffectiveSupportedVersions.Contains(version))
        {
            findings.Warning(OrbitDataFindingCodes.VersionUnsupported,
                Invariant($"{OrbitDataKeywords.OmmVersion} = {version}; supported are {string.Join(", ", settings.EffectiveSupportedVersions)}."),
                position.ToString());
        }
        if (_keywords.Value(OrbitDataKeywords.MeanElementTheory) is { } theory
            && theory.Contains("SGP4", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var parameter in OrbitDataKeywords.OmmSgp4Parameters.Where(p => !_keywords.Contains(p)))
            {
                findings.Warning(OrbitDataFindingCodes.OmmTleParameterMissing,
                    Invariant($"MEAN_ELEMENT_THEORY = {theory} but {parameter} is missing."), position.ToString());
            }
        }
        _keywords.Time(OrbitDataKeywords.CreationDate);
        _keywords.Time(OrbitDataKeywords.RefFrameEpoch);
        if (_keywords.Time(OrbitDataKeywords.Epoch) is { } epoch)
        {
            epochs.Add(epoch);
        }
        _keywords.RequireNumbers(OrbitDataKeywords.OmmNumeric);
    }
}
