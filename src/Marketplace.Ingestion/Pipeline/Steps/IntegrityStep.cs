using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Marketplace.Ingestion.Findings;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>
/// Integrity: the SHA-256 and size of every uploaded asset, computed by streaming it from Blob storage, compared with
/// the provider's declared checksum when there is one. The results become STAC <c>file:checksum</c> (a multihash:
/// 0x12 0x20 then the digest) and <c>file:size</c>.
/// </summary>
public sealed class IntegrityStep : IPipelineStep
{
    public string Name => PipelineSteps.Integrity;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<Finding>();
        var assets = new JsonObject();
        var uploaded = context.Product.Assets.Where(a => a.UploadId is not null).ToList();
        var total = Math.Max(1, uploaded.Sum(a => a.Size ?? 0));
        long done = 0;
        foreach (var asset in uploaded)
        {
            Stream content;
            try
            {
                content = await context.Files.OpenReadAsync(asset, ct);
            }
            catch (BlobChangedException ex)
            {
                findings.Add(Finding.Error("integrity.blob-changed", ex.Message, $"assets.{asset.Key}"));
                continue;
            }
            await using var opened = content;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = ArrayPool<byte>.Shared.Rent(4 << 20);
            long size = 0;
            var lastReport = 0L;
            try
            {
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    size += read;
                    if (size - lastReport >= 256L << 20)
                    {
                        lastReport = size;
                        await context.ReportProgressAsync((double)(done + size) / total, ct);
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            done += size;
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            asset.RecordIntegrity(sha256, size);
            assets[asset.Key] = new JsonObject
            {
                ["sha256"] = sha256,
                ["file:checksum"] = Multihash(sha256),
                ["file:size"] = size,
                ["declared_sha256"] = asset.DeclaredSha256,
            };
            if (size == 0)
            {
                findings.Add(Finding.Error("integrity.empty", "The file is empty (0 bytes).", $"assets.{asset.Key}"));
            }
            if (asset.DeclaredSha256 is { } declared && !string.Equals(declared, sha256, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(Finding.Error("integrity.checksum-mismatch",
                    $"The SHA-256 of the stored file is {sha256}, but {declared} was declared: the file changed or was corrupted on the way.",
                    $"assets.{asset.Key}"));
            }
        }
        return StepResult.Of(findings, new JsonObject { ["algorithm"] = "sha2-256", ["assets"] = assets });
    }

    /// <summary>The multihash of a SHA-256 digest, as STAC's file extension writes it: "1220" followed by the hex digest.</summary>
    public static string Multihash(string sha256Hex) => "1220" + sha256Hex;
}
