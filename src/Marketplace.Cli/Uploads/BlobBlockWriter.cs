using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using Marketplace.Cli.Http;

namespace Marketplace.Cli.Uploads;

/// <summary>
/// Sends blocks straight to Blob storage with Put Block (<c>PUT {write URL}&amp;comp=block&amp;blockid={id}</c>)
/// through the upload's write-only URL. The URL lives a few minutes: shortly before it expires, or when storage
/// refuses it (403), a fresh one is read from <c>GET /uploads/{id}</c>, once for all blocks in flight. The URL is a
/// credential: it never appears in a message.
/// </summary>
internal sealed class BlobBlockWriter : IBlockWriter
{
    /// <summary>The Blob storage REST version the requests ask for.</summary>
    public const string StorageVersion = "2025-01-05";

    /// <summary>A URL this close to its expiry is renewed before use, so that a block does not start with a URL about to die.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    private readonly HttpClient _storage;
    private readonly UploadsApi _uploads;
    private readonly Guid _uploadId;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private Task<WriteUrl> _url;

    public BlobBlockWriter(HttpClient storage, UploadsApi uploads, UploadView upload, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(upload);
        _storage = storage;
        _uploads = uploads;
        _uploadId = upload.Id;
        _clock = clock;
        _url = Task.FromResult(new WriteUrl(
            upload.UploadUrl ?? throw new MarketplaceApiException($"The server gave no write URL for upload {upload.Id}."),
            upload.UploadUrlExpiresAt ?? DateTimeOffset.MaxValue));
    }

    public string Route => "Blob storage";

    public async Task WriteAsync(int number, string blockId, Func<HttpContent> content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var url = await CurrentUrlAsync(refused: null, ct);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"{url.Value}&comp=block&blockid={Uri.EscapeDataString(blockId)}")
            {
                Content = content(),
            };
            request.Headers.Add("x-ms-version", StorageVersion);
            using var response = await _storage.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            if (response.StatusCode == HttpStatusCode.Forbidden && attempt == 0)
            {
                url = await CurrentUrlAsync(refused: url, ct);   // expired or revoked: a fresh URL, once
                continue;
            }
            var (code, message) = StorageError(await response.Content.ReadAsStringAsync(ct));
            throw new BlockTransferException(
                string.Create(CultureInfo.InvariantCulture, $"Blob storage refused block {number}: {(int)response.StatusCode} {response.ReasonPhrase}")
                + (code is null ? "" : $" ({code}{(message is null ? "" : ": " + message)})"),
                TransientFailures.IsTransient(response.StatusCode));
        }
    }

    /// <summary>The URL to use: the current one, or a fresh one when it is about to expire or storage refused it.</summary>
    private Task<WriteUrl> CurrentUrlAsync(WriteUrl? refused, CancellationToken ct)
    {
        lock (_lock)
        {
            var current = _url;
            if (current.IsCompleted && (!current.IsCompletedSuccessfully
                                        || current.Result.ExpiresAt - RenewBefore <= _clock.GetUtcNow()
                                        || ReferenceEquals(current.Result, refused)))
            {
                _url = RenewAsync(ct);
            }
            return _url;
        }
    }

    private async Task<WriteUrl> RenewAsync(CancellationToken ct)
    {
        var upload = await _uploads.GetAsync(_uploadId, ct);
        if (upload.Status != UploadView.Open || upload.UploadUrl is null)
        {
            throw new BlockTransferException($"Upload {_uploadId} is {upload.Status}: it takes no more blocks.", transient: false);
        }
        return new WriteUrl(upload.UploadUrl, upload.UploadUrlExpiresAt ?? DateTimeOffset.MaxValue);
    }

    /// <summary>The code and message of a storage error body (<c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c>), when it is one.</summary>
    private static (string? Code, string? Message) StorageError(string body)
    {
        try
        {
            var error = XDocument.Parse(body).Root;
            var message = error?.Element("Message")?.Value;
            return (error?.Element("Code")?.Value, message?.Split('\n')[0].Trim());
        }
        catch (XmlException)
        {
            return (null, null);
        }
    }

    private sealed record WriteUrl(Uri Value, DateTimeOffset ExpiresAt);
}
