using System.Globalization;
using Marketplace.Ingestion.Findings;
using Marketplace.Platform.Gdal;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Raster;

/// <summary>
/// Reads a raster with <c>gdalinfo -json</c> in the <see cref="GdalSandbox"/>, in two passes. The first reads only
/// the header (no pixel is decoded) and feeds the pixel-flood guard: a file whose declared pixels would decompress to
/// more than <see cref="RasterCheckOptions.MaxUncompressedBytes"/>, or to more than
/// <see cref="RasterCheckOptions.MaxCompressionRatio"/> times its size, is refused there. The second computes band
/// statistics: exact (<c>-stats</c>) up to <see cref="RasterCheckOptions.ExactStatisticsMaxBytes"/> decompressed bytes,
/// approximate above (<c>-approx_stats</c>: GDAL uses overviews or a sample of blocks, which is enough for nodata
/// shares and degenerate-band checks and keeps large files to seconds instead of minutes).
/// </summary>
public sealed class RasterInspector(GdalSandbox sandbox, IOptions<RasterCheckOptions> options)
{
    private static readonly string[] HeaderArguments = ["-json", "-nogcp", "-norat", "-noct", "-nofl"];

    /// <summary>GDAL reports a band without any valid pixel as an error; the checks report it as all-nodata instead.</summary>
    private const string NoValidPixels = "no valid pixels found";

    public async Task<RasterInspection> InspectAsync(GdalWorkFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var length = new FileInfo(file.FullPath) is { Exists: true } info ? info.Length : 0;
        if (length == 0)
        {
            return new RasterInspection(null, [Finding.Error(RasterFindingCodes.Empty, "The file is empty (0 bytes).")]);
        }

        var header = await sandbox.RunAsync(new GdalCommand(GdalTool.GdalInfo, HeaderArguments, file), ct);
        if (Failure(header, "Reading the raster header", file) is { } headerFailure)
        {
            return new RasterInspection(null, [headerFailure]);
        }
        RasterInfo headerInfo;
        try
        {
            headerInfo = GdalInfoReader.Read(header.Stdout, length, RasterStatisticsMode.None);
        }
        catch (FormatException ex)
        {
            return new RasterInspection(null, [Finding.Error(RasterFindingCodes.Unreadable, ex.Message)]);
        }
        if (PixelFlood(headerInfo) is { } flood)
        {
            return new RasterInspection(headerInfo, [flood]);
        }

        var mode = headerInfo.UncompressedBytes <= options.Value.ExactStatisticsMaxBytes ? RasterStatisticsMode.Exact : RasterStatisticsMode.Approximate;
        string[] statsArguments = [.. HeaderArguments, mode == RasterStatisticsMode.Exact ? "-stats" : "-approx_stats"];
        var stats = await sandbox.RunAsync(new GdalCommand(GdalTool.GdalInfo, statsArguments, file), ct);
        if (Failure(stats, "Computing band statistics", file) is { } statsFailure)
        {
            return new RasterInspection(headerInfo, [statsFailure]);
        }
        RasterInfo statsInfo;
        try
        {
            statsInfo = GdalInfoReader.Read(stats.Stdout, length, mode);
        }
        catch (FormatException ex)
        {
            return new RasterInspection(headerInfo, [Finding.Error(RasterFindingCodes.Unreadable, ex.Message)]);
        }

        List<Finding> findings = [];
        // gdalinfo -stats exits 0 even when blocks cannot be decoded: its ERROR lines are the only sign of a damaged file.
        var readErrors = GdalRunFindings.ErrorLines(stats.Stderr)
            .Where(line => !line.Contains(NoValidPixels, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (readErrors.Count > 0)
        {
            findings.Add(Finding.Error(RasterFindingCodes.Unreadable,
                $"GDAL could not decode every pixel (the file is truncated or corrupt): {GdalRunFindings.Excerpt(string.Join('\n', readErrors))}"));
        }
        if (mode == RasterStatisticsMode.Approximate)
        {
            findings.Add(Finding.Info(RasterFindingCodes.StatisticsApproximate,
                $"Band statistics are approximate (overviews or sampled blocks): the raster decompresses to {headerInfo.UncompressedBytes:N0} bytes."));
        }
        return new RasterInspection(statsInfo, findings);
    }

    private static Finding? Failure(GdalRunResult run, string activity, GdalWorkFile file)
    {
        if (GdalRunFindings.ForAbnormalEnd(run, activity, file) is { } abnormal)
        {
            return abnormal;
        }
        if (!run.Succeeded)
        {
            return Finding.Error(RasterFindingCodes.Unreadable,
                $"GDAL cannot open the file as a GeoTIFF (exit code {run.ExitCode}): {GdalRunFindings.Excerpt(run.Stderr)}");
        }
        return run.StdoutTruncated
            ? Finding.Error(RasterFindingCodes.Unreadable, "gdalinfo's report on the file exceeded the output limit.")
            : null;
    }

    private Finding? PixelFlood(RasterInfo info)
    {
        var limits = options.Value;
        var declared = string.Create(CultureInfo.InvariantCulture,
            $"The header declares {info.Width:N0} × {info.Height:N0} pixels × {info.Bands.Count} bands, {info.UncompressedBytes:N0} bytes decompressed");
        if (info.Bands.Count == 0 || info.Width <= 0 || info.Height <= 0)
        {
            return Finding.Error(RasterFindingCodes.Unreadable, $"{declared}: there is no pixel to read.");
        }
        if (info.UncompressedBytes > limits.MaxUncompressedBytes)
        {
            return Finding.Error(RasterFindingCodes.PixelFlood,
                string.Create(CultureInfo.InvariantCulture, $"{declared}, above the limit of {limits.MaxUncompressedBytes:N0} bytes; the pixels were not read."));
        }
        var ratio = info.UncompressedBytes / Math.Max(info.FileBytes, 1);
        if (info.UncompressedBytes > limits.CompressionRatioFloorBytes && ratio > (decimal)limits.MaxCompressionRatio)
        {
            return Finding.Error(RasterFindingCodes.PixelFlood,
                string.Create(CultureInfo.InvariantCulture,
                    $"{declared} from a {info.FileBytes:N0}-byte file: a compression ratio of {ratio:N0}, above the believable {limits.MaxCompressionRatio:N0}; the pixels were not read."));
        }
        return null;
    }
}
