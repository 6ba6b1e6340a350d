using System.Globalization;
using System.Net;
using Marketplace.Cli.Configuration;
using Marketplace.Cli.Http;
using Spectre.Console;

namespace Marketplace.Cli.Uploads;

/// <summary>
/// Uploads one file. A file whose upload the state file remembers (same server, client, path, size and last write
/// time) resumes it: <c>GET /uploads/{id}</c> says which blocks storage holds, and only the others are sent. Any
/// other file is hashed (SHA-256, streamed), an upload is opened with its name, size, media type and hash, and the
/// upload is saved in the state file before its first block leaves. Blocks go <see cref="FileUploadOptions.Parallel"/>
/// at a time, each streamed from the file and sent again after transient failures (network, timeouts, 408, 429,
/// 5xx) with a growing pause; then the upload is completed with the plan's block ids in order.
/// </summary>
internal sealed class FileUploader(
    UploadsApi uploads,
    Func<UploadView, IBlockWriter> writerFor,
    UploadStateFile state,
    string server,
    string client,
    FileUploadOptions options,
    TransferDisplay display,
    TimeProvider clock)
{
    public async Task<UploadedFile> UploadAsync(PlannedAsset asset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var file = FileFingerprint.Of(asset.Path);
        if (file.Size == 0)
        {
            throw new CliConfigurationException($"{asset.Path} is empty: there is nothing to upload.");
        }
        var mediaType = MediaTypes.Guess(asset.FileName, await MediaTypes.ReadHeadAsync(asset.Path, ct));
        var name = asset.FileName;
        var upload = await ResumeAsync(asset, file, ct);
        var resumed = upload is not null;
        upload ??= await OpenAsync(asset, file, mediaType, ct);
        var layout = BlockLayout.From(file.Size, upload.Blocks);
        if (upload.Status == UploadView.Completed)
        {
            Line($"{Markup.Escape(name)}: upload {upload.Id} was completed before; nothing to send");
            return new UploadedFile(asset, mediaType, upload.Id, file.Size, 0, layout.BlockCount);
        }

        var missing = layout.Missing(upload.Received);
        var meter = display.Track(name, file.Size);
        meter.Add(file.Size - layout.Bytes(missing));
        var writer = writerFor(upload);
        if (resumed)
        {
            Line($"{Markup.Escape(name)}: resuming upload {upload.Id}: {layout.BlockCount - missing.Count} of {layout.BlockCount} blocks are in storage already");
        }
        var started = clock.GetTimestamp();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = ct },
            async (number, blockCt) => await SendBlockAsync(writer, asset, layout, number, meter, blockCt));
        if (FileFingerprint.Of(asset.Path) != file)
        {
            throw new CliConfigurationException($"{asset.Path} changed while it was uploaded; upload it again once it is written.");
        }
        var completed = await uploads.CompleteAsync(upload.Id, layout.Ids, ct);
        meter.Complete();
        var elapsed = clock.GetElapsedTime(started);
        var sent = layout.Bytes(missing);
        Line(string.Create(CultureInfo.InvariantCulture,
            $"{Markup.Escape(name)}: {ByteSize.Format(file.Size)} uploaded to {writer.Route} as upload {completed.Id} ({missing.Count} of {layout.BlockCount} blocks sent, ")
            + string.Create(CultureInfo.InvariantCulture, $"{ByteSize.Format(sent)} in {elapsed.TotalSeconds:0.0} s, {ByteSize.Format(sent / Math.Max(elapsed.TotalSeconds, 0.001))}/s)"));
        return new UploadedFile(asset, mediaType, completed.Id, file.Size, missing.Count, layout.BlockCount);
    }

    /// <summary>The saved upload of this file if the server still has it open or completed (not yet taken by a product); null otherwise.</summary>
    private async Task<UploadView?> ResumeAsync(PlannedAsset asset, FileFingerprint file, CancellationToken ct)
    {
        var saved = await state.FindAsync(server, client, file, ct);
        if (saved is null)
        {
            return null;
        }
        UploadView upload;
        try
        {
            upload = await uploads.GetAsync(saved.UploadId, ct);
        }
        catch (MarketplaceApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            Line($"{Markup.Escape(asset.FileName)}: the saved upload {saved.UploadId} no longer exists; starting again");
            await state.RemoveAsync([saved.UploadId], ct);
            return null;
        }
        if (upload.Status is not (UploadView.Open or UploadView.Completed) || upload.Size != file.Size)
        {
            Line($"{Markup.Escape(asset.FileName)}: the saved upload {saved.UploadId} is {Markup.Escape(upload.Status)}; starting again");
            await state.RemoveAsync([saved.UploadId], ct);
            return null;
        }
        return upload;
    }

    /// <summary>Hashes the file, opens its upload, and saves it in the state file before any block is sent.</summary>
    private async Task<UploadView> OpenAsync(PlannedAsset asset, FileFingerprint file, string mediaType, CancellationToken ct)
    {
        var hashing = display.Track($"{asset.FileName} (SHA-256)", file.Size);
        var sha256 = await FileHashing.Sha256Async(asset.Path, hashing.Add, ct);
        hashing.Complete();
        if (FileFingerprint.Of(asset.Path) != file)
        {
            throw new CliConfigurationException($"{asset.Path} changed while it was read; upload it again once it is written.");
        }
        var upload = await uploads.CreateAsync(
            new CreateUploadRequest(asset.FileName, file.Size, MediaTypes.Essence(mediaType), sha256, options.BlockSize), ct);
        await state.SaveAsync(new UploadStateEntry(server, client, file.Path, file.Size, file.LastWriteTime, sha256, upload.Id,
            upload.MediaType, upload.ExpiresAt), ct);
        return upload;
    }

    private async Task SendBlockAsync(IBlockWriter writer, PlannedAsset asset, BlockLayout layout, int number, TransferMeter meter, CancellationToken ct)
    {
        var offset = layout.Offset(number);
        var length = layout.Length(number);
        var id = BlockIds.For(number);
        long counted = 0;
        void Sent(long soFar)
        {
            meter.Add(soFar - counted);
            counted = soFar;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await writer.WriteAsync(number, id, () => new FileBlockContent(asset.Path, offset, length, Sent), ct);
                Sent(length);
                return;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e, ct))
            {
                Sent(0);
                if (attempt == FileUploadOptions.MaxAttempts)
                {
                    throw new BlockTransferException(
                        $"Block {number} of {asset.FileName} failed {attempt} times; the last time: {e.Message}", e);
                }
                await Task.Delay(TimeSpan.FromSeconds(1 << (attempt - 1)), clock, ct);
            }
        }
    }

    private void Line(string markup) => display.Console.MarkupLine(markup);
}
