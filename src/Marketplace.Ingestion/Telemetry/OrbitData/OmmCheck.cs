using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>
/// Checks Orbit Mean-Elements Messages (CCSDS 502.0-B-2 §4, also version 3.0 of 502.0-B-3) in KVN or NDM/XML, read
/// sequentially with bounded memory. XML is read with DTD processing prohibited and no external resolution.
/// </summary>
/// <remarks>
/// Mandatory keywords: CCSDS_OMM_VERS, CREATION_DATE, ORIGINATOR; OBJECT_NAME, OBJECT_ID, CENTER_NAME, REF_FRAME,
/// TIME_SYSTEM, MEAN_ELEMENT_THEORY; EPOCH, MEAN_MOTION or SEMI_MAJOR_AXIS, ECCENTRICITY, INCLINATION,
/// RA_OF_ASC_NODE, ARG_OF_PERICENTER, MEAN_ANOMALY. Times must parse, numbers must be numbers; with an SGP4 theory
/// the TLE-related parameters are expected.
/// </remarks>
public sealed class OmmCheck(IOptions<OrbitDataCheckOptions> options)
{
    /// <summary>Reads <paramref name="message"/> from its current position to its end.</summary>
    public async Task<TelemetryCheckResult<OmmSummary>> CheckAsync(Stream message, OrbitDataEncoding encoding, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var findings = new FindingCollector(settings.MaxFindingsPerCode);
        var epochs = new EpochRange();
        long messages;
        if (encoding == OrbitDataEncoding.Kvn)
        {
            var read = await KvnMessageReader.ReadAsync(
                message, new OmmRules(findings, settings, epochs), findings, settings.MaxValueLength, ct);
            messages = read ? 1 : 0;
        }
        else
        {
            messages = await NdmXmlReader.ReadAsync(
                message, "omm", OrbitDataKeywords.OmmVersion, () => new OmmRules(findings, settings, epochs), findings, settings, ct);
        }
        if (messages == 0 && !findings.HasErrors)
        {
            findings.Error(OrbitDataFindingCodes.Empty, "The file holds no OMM.", FindingLocation.Line(1));
        }
        return new TelemetryCheckResult<OmmSummary>(
            findings.ToList(), new OmmSummary(messages, epochs.Earliest, epochs.Latest));
    }
}
