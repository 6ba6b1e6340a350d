using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Formats.Sniffing;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Formats;

/// <summary>
/// Tells what an uploaded asset is from its content, never from its file name, and whether that is allowed
/// (<see cref="FormatAllowList"/>) and matches the media type and roles the provider declared.
/// </summary>
/// <remarks>
/// Detection order: magic numbers (TIFF, BigTIFF, PNG, JPEG, Parquet, and ZIP, gzip, PDF, HDF5, netCDF to name
/// refusals); then, for UTF-8 text, HTML, XML by root element, JSON, CCSDS KVN by version keyword, TLE, CSV; then
/// CCSDS space packets by plausible primary headers. A declared media type that names another allowed format is a
/// <see cref="FormatFindingCodes.Mismatch"/>, so a ZIP declared as GeoTIFF is refused twice over: not allowed, and
/// not what it claims.
/// </remarks>
public sealed class FormatDetector(IOptions<FormatDetectionOptions> options)
{
    private const string Start = "byte 0";
    private const string TypeField = "type";
    private const string RolesField = "roles";

    /// <summary>
    /// Reads the head of <paramref name="content"/> (and, if it can seek, its length and last bytes) and detects.
    /// A seekable stream is put back where it was, ready for the telemetry checks.
    /// </summary>
    public async Task<FormatDetection> DetectAsync(
        Stream content, string? declaredMediaType, IReadOnlyList<string> roles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var settings = options.Value;
        var start = content.CanSeek ? content.Position : 0;
        var head = new byte[settings.HeadBytes];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        long? total = read < head.Length ? read : content.CanSeek ? content.Length - start : null;
        var tail = Array.Empty<byte>();
        if (content.CanSeek && total > read)
        {
            var tailLength = (int)Math.Min(settings.TailBytes, total.Value - read);
            tail = new byte[tailLength];
            content.Position = start + total.Value - tailLength;
            await content.ReadExactlyAsync(tail, ct);
        }
        if (content.CanSeek)
        {
            content.Position = start;
        }
        return Detect(new FormatSample(head.AsMemory(0, read), declaredMediaType, roles) { Tail = tail, TotalLength = total });
    }

    /// <summary>Detects the format of <paramref name="sample"/>; pure, no I/O.</summary>
    public FormatDetection Detect(FormatSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var findings = new List<Finding>();
        if (sample.Head.IsEmpty)
        {
            findings.Add(Finding.Error(FormatFindingCodes.Empty, "The file is empty.", Start));
            return new FormatDetection(DetectedFormat.Empty, null, findings);
        }

        var sniffed = Sniff(sample);
        if (sniffed.Problem is { } problem)
        {
            findings.Add(problem);
        }
        var format = sniffed.Format;
        var allowed = FormatAllowList.Find(format);
        if (allowed is null)
        {
            findings.Add(format is DetectedFormat.Unknown or DetectedFormat.Text
                ? Finding.Error(FormatFindingCodes.Unrecognized,
                    $"The content is {FormatDescriptions.Describe(format)}; accepted are {string.Join(", ", FormatAllowList.Formats.Select(f => f.Name).Distinct())}.", Start)
                : Finding.Error(FormatFindingCodes.NotAllowed,
                    $"The content is {FormatDescriptions.Describe(format)}, which is not accepted.", Start));
        }

        CheckDeclaredType(sample.DeclaredMediaType, format, allowed, findings);
        CheckRoles(sample.Roles, format, findings);
        CheckStructure(sample, format, findings);
        return new FormatDetection(format, allowed, findings);
    }

    private SniffResult Sniff(FormatSample sample)
    {
        var settings = options.Value;
        var head = sample.Head.Span;
        if (BinarySignatures.Match(head) is { } binary)
        {
            return new SniffResult(binary);
        }
        if (TextSample.TryDecode(head, sample.IsComplete, out var text))
        {
            var trimmed = text.AsSpan().TrimStart();
            if (HtmlSniffer.IsHtml(text))
            {
                return new SniffResult(DetectedFormat.Html);
            }
            if (trimmed.StartsWith('<'))
            {
                return XmlSniffer.Sniff(TextSample.WithoutByteOrderMark(head));
            }
            if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
            {
                return JsonSniffer.Sniff(TextSample.WithoutByteOrderMark(head), sample.IsComplete);
            }
            var lines = TextSample.Lines(text, sample.IsComplete);
            if (KvnSniffer.Sniff(lines) is { } kvn)
            {
                return new SniffResult(kvn);
            }
            if (TleSniffer.IsTle(lines))
            {
                return new SniffResult(DetectedFormat.Tle);
            }
            return new SniffResult(CsvSniffer.IsCsv(text, sample.IsComplete, settings.CsvSampleRecords)
                ? DetectedFormat.Csv
                : DetectedFormat.Text);
        }
        return new SniffResult(SpacePacketSniffer.IsPlausible(head, sample.TotalLength, settings.MinSpacePackets)
            ? DetectedFormat.SpacePackets
            : DetectedFormat.Unknown);
    }

    private static void CheckDeclaredType(string? declared, DetectedFormat format, AllowedFormat? allowed, List<Finding> findings)
    {
        var suggestion = allowed is null ? "" : $" Declare {allowed.PreferredMediaType}.";
        if (string.IsNullOrWhiteSpace(declared))
        {
            findings.Add(Finding.Warning(FormatFindingCodes.MediaTypeMissing, "No media type is declared." + suggestion, TypeField));
            return;
        }
        if (!MediaType.TryParse(declared, out var mediaType))
        {
            findings.Add(Finding.Error(FormatFindingCodes.MediaTypeInvalid, $"'{declared}' is not a media type." + suggestion, TypeField));
            return;
        }
        var declaring = FormatAllowList.Declaring(mediaType);
        if (declaring.Count == 0)
        {
            findings.Add(Finding.Error(FormatFindingCodes.MediaTypeNotAllowed,
                $"The declared media type {mediaType} is not accepted." + suggestion, TypeField));
            return;
        }
        if (allowed is null || !allowed.Accepts(mediaType))
        {
            findings.Add(Finding.Error(FormatFindingCodes.Mismatch,
                $"Declared as {mediaType} ({string.Join(" or ", declaring.Select(f => f.Name).Distinct())}), but the content is {FormatDescriptions.Describe(format)}." + suggestion,
                TypeField));
        }
    }

    private static void CheckRoles(IReadOnlyList<string> roles, DetectedFormat format, List<Finding> findings)
    {
        foreach (var role in roles ?? [])
        {
            if (FormatAllowList.RestrictedRoles.TryGetValue(role, out var formats) && !formats.Contains(format))
            {
                findings.Add(Finding.Error(FormatFindingCodes.RoleNotAllowed,
                    $"An asset with role '{role}' must be {string.Join(" or ", formats.Select(FormatDescriptions.Describe).Distinct())}, not {FormatDescriptions.Describe(format)}.",
                    RolesField));
            }
        }
    }

    /// <summary>What the head and tail show about the file's structure.</summary>
    private static void CheckStructure(FormatSample sample, DetectedFormat format, List<Finding> findings)
    {
        switch (format)
        {
            case DetectedFormat.Parquet:
                CheckParquetEnd(sample, findings);
                break;
            case DetectedFormat.Tiff or DetectedFormat.BigTiff:
                CheckTiff(sample, format == DetectedFormat.BigTiff, findings);
                break;
        }
    }

    private static void CheckParquetEnd(FormatSample sample, List<Finding> findings)
    {
        var end = sample.IsComplete ? sample.Head : sample.Tail;
        if (end.IsEmpty)
        {
            return;
        }
        if (!end.Span.EndsWith(BinarySignatures.ParquetMagic))
        {
            var location = sample.TotalLength is { } length ? $"byte {Math.Max(length - 4, 0)}" : "end of file";
            findings.Add(Finding.Error(FormatFindingCodes.Truncated,
                "The file starts like Parquet but does not end with \"PAR1\": it is cut short or damaged.", location));
        }
    }

    private static void CheckTiff(FormatSample sample, bool bigTiff, List<Finding> findings)
    {
        var head = sample.Head.Span;
        var ifd = TiffDirectory.FirstIfdOffset(head, bigTiff);
        if (sample.TotalLength is { } length && ifd >= (ulong)length)
        {
            findings.Add(Finding.Error(FormatFindingCodes.Truncated,
                $"The first image directory is at byte {ifd}, past the end of the {length}-byte file.", "byte 4"));
            return;
        }
        var declaredGeoTiff = MediaType.TryParse(sample.DeclaredMediaType, out var declared)
            && declared.Parameters.TryGetValue("application", out var application)
            && application.Equals("geotiff", StringComparison.OrdinalIgnoreCase);
        if (declaredGeoTiff && TiffDirectory.HasGeoKeys(head, bigTiff) == false)
        {
            findings.Add(Finding.Warning(FormatFindingCodes.GeoTiffKeysMissing,
                "Declared as GeoTIFF, but the first image directory has no GeoKeyDirectoryTag (34735): the image is not georeferenced.",
                $"byte {ifd}"));
        }
    }
}
