using Marketplace.Ingestion.Findings;
using Marketplace.Platform.Gdal;

namespace Marketplace.Ingestion.Raster;

/// <summary>
/// Runs GDAL's Cloud Optimized GeoTIFF validator (<c>osgeo_utils.samples.validate_cloud_optimized_geotiff</c>, exit 0
/// valid, 1 invalid) in the <see cref="GdalSandbox"/> and turns each error and warning it prints into a finding.
/// </summary>
public sealed class CogConformance(GdalSandbox sandbox)
{
    private const string WarningsHeading = "The following warnings were found:";
    private const string ErrorsHeading = "The following errors were found:";
    private const string NotValidWithReason = "is NOT a valid cloud optimized GeoTIFF :";
    private const string Valid = "is a valid cloud optimized GeoTIFF";

    public async Task<CogValidation> ValidateAsync(GdalWorkFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var run = await sandbox.RunAsync(new GdalCommand(GdalTool.CogValidator, [], file), ct);
        if (GdalRunFindings.ForAbnormalEnd(run, "COG validation", file) is { } abnormal)
        {
            return new CogValidation(false, [abnormal]);
        }

        List<Finding> findings = [];
        FindingSeverity? section = null;
        foreach (var raw in run.Stdout.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                section = null;
            }
            else if (line == WarningsHeading)
            {
                section = FindingSeverity.Warning;
            }
            else if (line == ErrorsHeading)
            {
                section = FindingSeverity.Error;
            }
            else if (section is { } severity && line.StartsWith(" - ", StringComparison.Ordinal))
            {
                var message = line[3..];
                findings.Add(new Finding(Classify(message, severity), severity, message));
            }
            else if (line.Contains(NotValidWithReason, StringComparison.Ordinal))
            {
                var reason = line[(line.IndexOf(NotValidWithReason, StringComparison.Ordinal) + NotValidWithReason.Length)..].Trim();
                findings.Add(reason.Contains("not a GeoTIFF", StringComparison.OrdinalIgnoreCase)
                    ? Finding.Error(RasterFindingCodes.NotGeoTiff, $"The COG validator refused the file: {reason}")
                    : Finding.Error(RasterFindingCodes.Unreadable, $"The COG validator could not open the file: {reason}"));
            }
        }

        var valid = run.ExitCode == 0 && run.Stdout.Contains(Valid, StringComparison.Ordinal);
        if (!valid && !findings.Any(f => f.Severity == FindingSeverity.Error))
        {
            // Exit code 1 without a listed error: the validator itself failed on the file (a Python exception).
            findings.Add(Finding.Error(RasterFindingCodes.Unreadable,
                $"The COG validator failed on the file (exit code {run.ExitCode}): {LastLine(run.Stderr)}"));
        }
        return new CogValidation(valid, findings);
    }

    /// <summary>A stable code for each message the validator of GDAL 3.6 can print.</summary>
    private static string Classify(string message, FindingSeverity severity) => message switch
    {
        _ when message.Contains("not tiled", StringComparison.Ordinal) => RasterFindingCodes.CogNotTiled,
        _ when message.Contains("include internal overviews", StringComparison.Ordinal) => RasterFindingCodes.CogOverviewsMissing,
        _ when message.Contains(".ovr file", StringComparison.Ordinal) => RasterFindingCodes.CogExternalOverviews,
        _ when message.Contains("offset of the main IFD", StringComparison.Ordinal)
               || message.Contains("offset of the IFD for overview", StringComparison.Ordinal) => RasterFindingCodes.CogIfdOrder,
        _ when message.Contains("larger dimension", StringComparison.Ordinal) => RasterFindingCodes.CogOverviewOrder,
        _ when message.Contains("offset of the first block", StringComparison.Ordinal) => RasterFindingCodes.CogDataOrder,
        _ when message.Contains("leader", StringComparison.OrdinalIgnoreCase)
               || message.Contains("trailer", StringComparison.OrdinalIgnoreCase) => RasterFindingCodes.CogBlockLeaderTrailer,
        _ => severity == FindingSeverity.Error ? RasterFindingCodes.CogInvalid : RasterFindingCodes.CogWarning,
    };

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";
}
