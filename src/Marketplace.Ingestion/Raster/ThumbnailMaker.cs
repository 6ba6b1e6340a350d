using System.Globalization;
using Marketplace.Ingestion.Findings;
using Marketplace.Platform.Gdal;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Raster;

/// <summary>
/// Makes a PNG thumbnail (at most <see cref="RasterCheckOptions.ThumbnailMaxSize"/> pixels on its longest side) with
/// <c>gdal_translate -of PNG -ot Byte -outsize -scale</c> in the <see cref="GdalSandbox"/>: bands 1–3 as RGB (or band 1
/// as grey), each stretched from its statistics' minimum–maximum to 0–255. It needs the <see cref="RasterInfo"/> of
/// an inspection that passed the pixel-flood guard. A thumbnail that cannot be made is a warning: it does not make
/// the product wrong.
/// </summary>
public sealed class ThumbnailMaker(GdalSandbox sandbox, IOptions<RasterCheckOptions> options)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public async Task<Thumbnail> MakeAsync(GdalWorkFile source, RasterInfo info, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(info);
        var size = ThumbnailSize(info, options.Value.ThumbnailMaxSize);
        var output = source.Workspace.NewFile(".png");
        var run = await sandbox.RunAsync(new GdalCommand(GdalTool.GdalTranslate, Arguments(info, size), source, output), ct);

        var failure = GdalRunFindings.ForAbnormalEnd(run, "Making the thumbnail", source);
        if (failure is null && (!run.Succeeded || !await IsPngAsync(output, ct)))
        {
            failure = Finding.Error(RasterFindingCodes.ThumbnailFailed,
                $"gdal_translate could not make a PNG thumbnail (exit code {run.ExitCode}): {GdalRunFindings.Excerpt(run.Stderr)}");
        }
        if (failure is not null)
        {
            File.Delete(output.FullPath);
            return new Thumbnail(null, default, [failure with { Severity = FindingSeverity.Warning }]);
        }
        return new Thumbnail(output, size, []);
    }

    private static RasterSize ThumbnailSize(RasterInfo info, int maxSize)
    {
        var scale = Math.Min(1.0, (double)maxSize / Math.Max(info.Width, info.Height));
        return new RasterSize(
            Math.Max(1, (int)Math.Round(info.Width * scale)),
            Math.Max(1, (int)Math.Round(info.Height * scale)));
    }

    private static List<string> Arguments(RasterInfo info, RasterSize size)
    {
        List<string> arguments =
        [
            "-q", "-of", "PNG", "-ot", "Byte", "-r", "average",
            "-outsize", Number(size.Width), Number(size.Height),
        ];
        var bands = info.Bands.Count >= 3 ? info.Bands.Take(3).ToList() : [info.Bands[0]];
        for (var i = 0; i < bands.Count; i++)
        {
            arguments.Add("-b");
            arguments.Add(Number(bands[i].Index));
            arguments.Add($"-scale_{Number(i + 1)}");
            if (bands[i].Statistics is { } stats && double.IsFinite(stats.Minimum) && double.IsFinite(stats.Maximum))
            {
                // A constant band would divide by zero: give it a range of one.
                var maximum = stats.Maximum > stats.Minimum ? stats.Maximum : stats.Minimum + 1;
                arguments.AddRange([Number(stats.Minimum), Number(maximum), "0", "255"]);
            }
        }
        return arguments;
    }

    private static async Task<bool> IsPngAsync(GdalWorkFile file, CancellationToken ct)
    {
        if (!File.Exists(file.FullPath))
        {
            return false;
        }
        var head = new byte[PngSignature.Length];
        await using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return read == head.Length && head.AsSpan().SequenceEqual(PngSignature);
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
