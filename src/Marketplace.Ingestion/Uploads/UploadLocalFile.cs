using System.Security.Cryptography;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// Uploads a file the platform holds (a demo scene, a releasable derivative) for an organization through the same
/// steps a provider takes (open, blocks of the planned size, complete), so it is sealed, checked and counted alike.
/// </summary>
public sealed class UploadLocalFile(CreateUpload create, StageBlock stage, CompleteUpload complete)
{
    /// <summary>The completed upload's id.</summary>
    /// <exception cref="InvalidOperationException">A step refused the file (e.g. the organization's quota is used up).</exception>
    public async Task<Guid> HandleAsync(Uploader uploader, string path, string fileName, string mediaType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uploader);
        string sha256;
        await using (var hashed = File.OpenRead(path))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(hashed, ct));
        }
        var length = new FileInfo(path).Length;
        var upload = Expect(await create.HandleAsync(uploader, new CreateUploadRequest(fileName, length, mediaType, sha256, null), ct));
        await using var content = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(upload.Blocks.BlockSize, Math.Max(length, 1))];
        for (var block = 0; block < upload.Blocks.BlockCount; block++)
        {
            var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            using var part = new MemoryStream(buffer, 0, read, writable: false);
            Expect(await stage.HandleAsync(uploader, upload.Id, block, part, read, null, ct));
        }
        Expect(await complete.HandleAsync(uploader, upload.Id, null, ct));
        return upload.Id;
    }

    private static T Expect<T>(UploadOutcome<T> outcome) => outcome is UploadOutcome<T>.Ok(var value)
        ? value
        : throw new InvalidOperationException($"The upload was refused: {outcome}.");
}
