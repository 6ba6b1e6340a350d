using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>
/// Checks Orbit Ephemeris Messages (CCSDS 502.0-B-2 §5, also version 3.0 of 502.0-B-3) in KVN or NDM/XML, read
/// sequentially with bounded memory, so ephemerides of any length can be checked. XML is read with DTD processing
/// prohibited and no external resolution.
/// </summary>
/// <remarks>
/// Mandatory keywords: CCSDS_OEM_VERS, CREATION_DATE, ORIGINATOR; per segment OBJECT_NAME, OBJECT_ID, CENTER_NAME,
/// REF_FRAME, TIME_SYSTEM, START_TIME, STOP_TIME. Ephemeris lines are an epoch and 6 or 9 numbers, epochs strictly
/// increasing within a segment and inside START_TIME … STOP_TIME; the ephemeris should reach across
/// USEABLE_START_TIME … USEABLE_STOP_TIME, which must lie inside START_TIME … STOP_TIME.
/// </remarks>
public sealed class OemCheck(IOptions<OrbitDataCheckOptions> options)
{
    /// <summary>Reads <paramref name="message"/> from its current position to its end.</summary>
    public async Task<TelemetryCheckResult<OemSummary>> CheckAsync(Stream message, OrbitDataEncoding encoding, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var findings = new FindingCollector(settings.MaxFindingsPerCode);
        var tally = new OemTally();
        long messages;
        if (encoding == OrbitDataEncoding.Kvn)
        {
            var read = await KvnMessageReader.ReadAsync(
                message, new OemRules(findings, settings, tally), findings, settings.MaxValueLength, ct);
            messages = read ? 1 : 0;
        }
        else
        {
            messages = await NdmXmlReader.ReadAsync(
                message, "oem", OrbitDataKeywords.OemVersion, () => new OemRules(findings, settings, tally), findings, settings, ct);
        }
        if (messages == 0 && !findings.HasErrors)
        {
            findings.Error(OrbitDataFindingCodes.Empty, "The file holds no OEM.", FindingLocation.Line(1));
        }
        return new TelemetryCheckResult<OemSummary>(findings.ToList(), tally.ToSummary());
    }
}
