using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;

namespace Marketplace.UnitTests.Cli;

/// <summary>
/// The provider side of the API and Blob storage, served over a fake <see cref="HttpMessageHandler"/> the way the
/// real ones answer: tokens, uploads with their block plan and write URLs (at <see cref="StorageHost"/>), Put Block
/// through a write URL or through the API, completion, product submission, products that move through a scripted
/// pipeline on each reading, and pages of products. Tests inject failures and count what was sent.
/// </summary>
internal sealed class FakeProviderServer
{
    public static readonly Uri BaseUrl = new("http://marketplace.test/");
    public const string StorageHost = "storage.test";

    private readonly ConcurrentDictionary<Guid, FakeUpload> _uploads = new();
    private readonly ConcurrentDictionary<Guid, FakeProduct> _products = new();
    private int _storagePuts;
    private int _apiPuts;

    public DateTimeOffset Now { get; set; } = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The block size of plans when the client asks for none.</summary>
    public long AdvisedBlockSize { get; set; } = 16;

    public HashSet<string> Collections { get; } = ["optical-l2a"];

    /// <summary>The statuses a product goes through, one per reading after its submission.</summary>
    public List<string> Pipeline { get; } = ["published"];

    /// <summary>Block numbers whose next Put Block through a write URL answers this status instead (once each).</summary>
    public ConcurrentDictionary<int, HttpStatusCode> FailNextPut { get; } = new();

    /// <summary>Write URL signatures storage refuses (403), as after expiry.</summary>
    public ConcurrentDictionary<string, bool> RefusedSignatures { get; } = new();

    /// <summary>Refuse the next write URL storage sees (403), as an expired one; cleared once applied.</summary>
    public bool RefuseNextSignature { get; set; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public List<JsonObject> Submissions { get; } = [];

    public int StoragePuts => _storagePuts;

    public int ApiPuts => _apiPuts;

    public int ProductPageSize { get; set; } = 2;

    public FakeUpload Upload(Guid id) => _uploads[id];

    public IReadOnlyCollection<FakeUpload> AllUploads => [.. _uploads.Values];

    /// <summary>Opens an upload as if a client had, with some blocks already staged.</summary>
    public FakeUpload OpenUpload(string fileName, byte[] content, long blockSize, string sha256, params int[] staged)
    {
        var upload = new FakeUpload(Guid.NewGuid(), fileName, "image/tiff", content.Length, sha256, blockSize, Now.AddHours(24));
        foreach (var n in staged)
        {
            var offset = n * (int)blockSize;
            upload.Blocks[BlockId(n)] = content[offset..Math.Min(content.Length, offset + (int)blockSize)];
        }
        _uploads[upload.Id] = upload;
        return upload;
    }

    /// <summary>Adds a product of the caller's organization, as if submitted earlier.</summary>
    public Guid AddProduct(string itemId, string status, DateTimeOffset submittedAt)
    {
        var product = new FakeProduct(Guid.NewGuid(), "optical-l2a", itemId, submittedAt, new Queue<string>()) { Status = status };
        _products[product.Id] = product;
        return product.Id;
    }

    public HttpMessageHandler CreateHandler() => new Handler(this);

    public static string BlockId(int number) => Convert.ToBase64String(Encoding.ASCII.GetBytes(number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));

    private async Task<HttpResponseMessage> RespondAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = request.RequestUri!;
        Requests.Enqueue($"{request.Method} {uri.Host}{uri.AbsolutePath}");
        if (uri.Host == StorageHost)
        {
            return await PutBlockAsync(request, uri, ct);
        }
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var query = HttpUtility.ParseQueryString(uri.Query);
        if (uri.AbsolutePath != "/connect/token" && request.Headers.Authorization is not { Scheme: "Bearer" })
        {
            return Problem(HttpStatusCode.Unauthorized, "unauthenticated", "A bearer token is required.");
        }
        switch (request.Method.Method, segments)
        {
            case ("POST", ["connect", "token"]):
                return Json(HttpStatusCode.OK, new { access_token = "token", token_type = "Bearer", expires_in = 3600 });
            case ("POST", ["uploads"]):
                return CreateUpload(JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct))!.AsObject());
            case ("GET", ["uploads", var id]):
                return _uploads.TryGetValue(Guid.Parse(id), out var found) ? Json(HttpStatusCode.OK, View(found, received: true)) : NotFound();
            case ("PUT", ["uploads", var id, "blocks", var number]):
                Interlocked.Increment(ref _apiPuts);
                var upload = _uploads[Guid.Parse(id)];
                upload.Blocks[BlockId(int.Parse(number, System.Globalization.CultureInfo.InvariantCulture))] = await request.Content!.ReadAsByteArrayAsync(ct);
                return Json(HttpStatusCode.OK, new { id = BlockId(int.Parse(number, System.Globalization.CultureInfo.InvariantCulture)) });
            case ("POST", ["uploads", var id, "complete"]):
                return Complete(_uploads[Guid.Parse(id)], JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct))!["blockIds"]!.AsArray());
            case ("POST", ["products"]):
                return Submit(JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct))!.AsObject());
            case ("GET", ["products", var id]):
                if (!_products.TryGetValue(Guid.Parse(id), out var product))
                {
                    return NotFound();
                }
                if (product.Script.TryDequeue(out var next))
                {
                    product.Status = next;
                }
                return Json(HttpStatusCode.OK, ProductJson(product));
            case ("GET", ["products"]):
                var all = _products.Values.Where(p => query["status"] is not { } s || p.Status == s)
                    .OrderByDescending(p => p.SubmittedAt).ToList();
                var start = query["before"] is { } before ? all.FindIndex(p => p.Id.ToString() == before) + 1 : 0;
                var page = all.Skip(start).Take(ProductPageSize).ToList();
                var more = start + ProductPageSize < all.Count;
                return Json(HttpStatusCode.OK, new
                {
                    products = page.Select(ProductJson),
                    next = more ? $"/products?before={page[^1].Id}" + (query["status"] is { } st ? $"&status={st}" : "") : null,
                });
            default:
                return NotFound();
        }
    }

    private HttpResponseMessage CreateUpload(JsonObject body)
    {
        var mediaType = body["mediaType"]!.GetValue<string>();
        if (mediaType.Contains(';', StringComparison.Ordinal))
        {
            return Validation("mediaType", "Use a media type such as image/tiff or application/octet-stream (type/subtype, without parameters).");
        }
        var size = body["size"]!.GetValue<long>();
        var blockSize = body["blockSize"]?.GetValue<long>() ?? AdvisedBlockSize;
        var upload = new FakeUpload(Guid.NewGuid(), body["fileName"]!.GetValue<string>(), mediaType, size, body["sha256"]?.GetValue<string>(), blockSize, Now.AddHours(24));
        _uploads[upload.Id] = upload;
        return Json(HttpStatusCode.Created, View(upload, received: false));
    }

    private async Task<HttpResponseMessage> PutBlockAsync(HttpRequestMessage request, Uri uri, CancellationToken ct)
    {
        var query = HttpUtility.ParseQueryString(uri.Query);
        var upload = _uploads[Guid.Parse(uri.AbsolutePath.Split('/')[^1])];
        var body = await request.Content!.ReadAsByteArrayAsync(ct);
        Interlocked.Increment(ref _storagePuts);
        if (RefuseNextSignature && query["sig"] is { } refused)
        {
            RefuseNextSignature = false;
            RefusedSignatures[refused] = true;
        }
        if (query["sig"] is not { } sig || !upload.Signatures.ContainsKey(sig) || RefusedSignatures.ContainsKey(sig) || upload.Status != "open")
        {
            return new HttpResponseMessage(HttpStatusCode.Forbidden)
            {
                Content = new StringContent("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code><Message>Signature not valid in the specified time frame.\nRequestId:1</Message></Error>",
                    Encoding.UTF8, "application/xml"),
            };
        }
        if (query["comp"] != "block" || query["blockid"] is not { } blockId || request.Headers.GetValues("x-ms-version").Single().Length == 0)
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest);
        }
        var number = int.Parse(Encoding.ASCII.GetString(Convert.FromBase64String(blockId)), System.Globalization.CultureInfo.InvariantCulture);
        if (FailNextPut.TryRemove(number, out var failure))
        {
            return new HttpResponseMessage(failure) { Content = new StringContent("<Error><Code>ServerBusy</Code><Message>Busy.</Message></Error>") };
        }
        upload.Blocks[blockId] = body;
        return new HttpResponseMessage(HttpStatusCode.Created);
    }

    private HttpResponseMessage Complete(FakeUpload upload, JsonArray blockIds)
    {
        var ids = blockIds.Select(i => i!.GetValue<string>()).ToList();
        var missing = ids.Where(id => !upload.Blocks.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            return Problem(HttpStatusCode.Conflict, "upload-blocks-missing", $"{missing.Count} of the {ids.Count} blocks to commit were not received.");
        }
        var content = ids.SelectMany(id => upload.Blocks[id]).ToArray();
        if (content.Length != upload.Size)
        {
            return Problem(HttpStatusCode.Conflict, "upload-size-mismatch", $"The blocks to commit hold {content.Length} bytes; the upload declared {upload.Size}.");
        }
        upload.Content = content;
        upload.Status = "completed";
        return Json(HttpStatusCode.OK, View(upload, received: false));
    }

    private HttpResponseMessage Submit(JsonObject submission)
    {
        lock (Submissions)
        {
            Submissions.Add(submission);
        }
        var collection = submission["collection"]!.GetValue<string>();
        if (!Collections.Contains(collection))
        {
            return Validation("collection", $"The collection '{collection}' does not exist.");
        }
        foreach (var (key, asset) in submission["assets"]!.AsObject())
        {
            if (!_uploads.TryGetValue(Guid.Parse(asset!["upload"]!.GetValue<string>()), out var upload) || upload.Status != "completed")
            {
                return Validation($"assets.{key}.upload", "Name a completed upload of your organization.");
            }
        }
        foreach (var (_, asset) in submission["assets"]!.AsObject())
        {
            _uploads[Guid.Parse(asset!["upload"]!.GetValue<string>())].Status = "consumed";
        }
        var product = new FakeProduct(Guid.NewGuid(), collection, submission["item"]!["id"]!.GetValue<string>(), Now, new Queue<string>(Pipeline));
        _products[product.Id] = product;
        return Json(HttpStatusCode.Accepted, ProductJson(product));
    }

    private object View(FakeUpload upload, bool received)
    {
        var sig = Guid.NewGuid().ToString("N");
        upload.Signatures[sig] = true;
        return new
        {
            id = upload.Id,
            status = upload.Status,
            fileName = upload.FileName,
            mediaType = upload.MediaType,
            size = upload.Size,
            sha256 = upload.Sha256,
            createdAt = Now,
            expiresAt = upload.ExpiresAt,
            completedAt = (DateTimeOffset?)null,
            blocks = new { blockSize = upload.BlockSize, blockCount = upload.BlockCount, minBlockSize = 1, maxBlockSize = 1000, maxBlockCount = 50000, idFormat = "base64 of 6 digits" },
            uploadUrl = upload.Status == "open" ? $"http://{StorageHost}/devstoreaccount1/staging/{upload.Id}?sv=2025-01-05&sig={sig}" : null,
            uploadUrlExpiresAt = upload.Status == "open" ? Now.AddMinutes(15) : (DateTimeOffset?)null,
            received = received
                ? new
                {
                    bytes = upload.Blocks.Values.Sum(b => b.Length),
                    committedBytes = 0,
                    uncommittedBytes = upload.Blocks.Values.Sum(b => b.Length),
                    committedBlocks = Array.Empty<object>(),
                    uncommittedBlocks = upload.Blocks.Select(b => new { id = b.Key, number = (int?)null, size = b.Value.Length }),
                    missingBlocks = Array.Empty<int>(),
                }
                : null,
        };
    }

    private static object ProductJson(FakeProduct product)
    {
        var (integrity, certification, classification, publication) = product.Status switch
        {
            "submitted" => ("pending", "pending", "pending", "pending"),
            "certifying" => ("succeeded", "running", "pending", "pending"),
            "rejected" => ("succeeded", "failed", "skipped", "skipped"),
            "in-review" => ("succeeded", "succeeded", "succeeded", "pending"),
            _ => ("succeeded", "succeeded", "succeeded", "succeeded"),
        };
        var failedFindings = new[]
        {
            new { code = "raster.crs-missing", severity = "error", message = "The raster has no coordinate reference system.", location = "data" },
            new { code = "raster.nodata-missing", severity = "warning", message = "No nodata value is declared.", location = "data" },
        };
        object Step(string name, string state) => new
        {
            name,
            state,
            attempts = state == "pending" ? 0 : 1,
            startedAt = (DateTimeOffset?)null,
            finishedAt = (DateTimeOffset?)null,
            durationMs = state is "succeeded" or "failed" ? 250.0 : (double?)null,
            progress = state == "running" ? 0.5 : state == "pending" ? 0 : 1,
            findings = state == "failed" ? (object)failedFindings : Array.Empty<object>(),
            details = new { },
            error = (string?)null,
        };
        return new
        {
            id = product.Id,
            collection = product.Collection,
            itemId = product.ItemId,
            version = 1,
            previousVersion = (Guid?)null,
            status = product.Status,
            grade = product.Status is "in-review" or "published" ? "restricted" : null,
            rejectionReason = product.Status == "rejected" ? "certification found 1 error" : null,
            submittedAt = product.SubmittedAt,
            updatedAt = product.SubmittedAt,
            assets = Array.Empty<object>(),
            steps = new[] { Step("integrity", integrity), Step("certification", certification), Step("classification", classification), Step("publication", publication) },
            offers = Array.Empty<object>(),
            item = new { id = product.ItemId },
            gradeReasons = (object?)null,
            links = new[] { new { rel = "self", href = $"/products/{product.Id}" } },
        };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object body) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"),
    };

    private static HttpResponseMessage NotFound() => Problem(HttpStatusCode.NotFound, "not-found", "Not found.");

    private static HttpResponseMessage Problem(HttpStatusCode status, string title, string detail) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(new { type = $"https://marketplace.test/problems/{title}", title, status = (int)status, detail }),
            Encoding.UTF8, "application/problem+json"),
    };

    private static HttpResponseMessage Validation(string field, string error) => new(HttpStatusCode.BadRequest)
    {
        Content = new StringContent(JsonSerializer.Serialize(new
        {
            type = "https://marketplace.test/problems/validation",
            title = "validation",
            status = 400,
            detail = "One or more fields are not valid; see 'errors'.",
            errors = new Dictionary<string, string[]> { [field] = [error] },
        }), Encoding.UTF8, "application/problem+json"),
    };

    /// <summary>An upload as the fake keeps it: staged blocks by id, and the committed content once completed.</summary>
    internal sealed record FakeUpload(Guid Id, string FileName, string MediaType, long Size, string? Sha256, long BlockSize, DateTimeOffset ExpiresAt)
    {
        public string Status { get; set; } = "open";

        public int BlockCount => (int)((Size + BlockSize - 1) / BlockSize);

        public ConcurrentDictionary<string, byte[]> Blocks { get; } = new();

        public ConcurrentDictionary<string, bool> Signatures { get; } = new();

        public byte[]? Content { get; set; }
    }

    private sealed record FakeProduct(Guid Id, string Collection, string ItemId, DateTimeOffset SubmittedAt, Queue<string> Script)
    {
        public string Status { get; set; } = "submitted";
    }

    private sealed class Handler(FakeProviderServer server) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return server.RespondAsync(request, cancellationToken);
        }
    }
}
