using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform.Audit;
using Marketplace.Platform.Audit.TreeHeads;
using Marketplace.Platform.Canonicalization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.UnitTests.Cli;

/// <summary>
/// A tiny audit log served over a fake <see cref="HttpMessageHandler"/> at <see cref="BaseUrl"/>, the way the API
/// serves it: token endpoint, discovery and JWKS, signed tree heads (signed with a real <see cref="TreeHeadSigner"/>),
/// entries, and proofs computed from the log's true leaves. Tests tamper with what is served
/// (<see cref="ServedLeafInputs"/>, <see cref="ServedEntryObjects"/>, <see cref="LatestHead"/>), hide entries from
/// the caller (<see cref="Hidden"/>) or rewrite history (<see cref="Rewrite"/>).
/// </summary>
internal sealed class FakeAuditLog : IDisposable
{
    public static readonly Uri BaseUrl = new("http://log.test/");

    private readonly List<byte[]> _entries = [];

    public FakeAuditLog(int entries = 0)
    {
        for (var i = 0; i < entries; i++)
        {
            Append(i);
        }
    }

    public TreeHeadSigner Signer { get; } = new(Options.Create(new AuditOptions()));

    public DateTimeOffset Now { get; set; } = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>What <c>GET /audit/sth</c> returns; null serves 404.</summary>
    public SignedTreeHead? LatestHead { get; set; }

    public Dictionary<long, byte[]> ServedLeafInputs { get; } = [];

    public Dictionary<long, string> ServedEntryObjects { get; } = [];

    public HashSet<long> Hidden { get; } = [];

    public List<string> Requests { get; } = [];

    public int TokenRequests { get; private set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Answer the next request to /audit/entries with 401, as after a server restart with new keys.</summary>
    public bool RejectNextEntriesRequest { get; set; }

    public long Size => _entries.Count;

    public IReadOnlyList<byte[]> LeafHashes => [.. _entries.Select(e => MerkleHash.LeafHash(e))];

    public byte[] Append(int n)
    {
        var entry = JsonCanonicalizer.Serialize(
            new { action = "organization.updated", n, organizations = new[] { $"org-{n % 3}" }, reason = $"change number {n}" },
            JsonSerializerOptions.Default);
        _entries.Add(entry);
        return entry;
    }

    public void Rewrite(int index, string reason)
    {
        var node = JsonNode.Parse(_entries[index])!;
        node["reason"] = reason;
        _entries[index] = JsonCanonicalizer.Canonicalize(node);
    }

    public byte[] Entry(long index) => _entries[(int)index];

    public byte[] RootHash(long size) => MerkleTree.RootHash(LeafHashes, size);

    /// <summary>Signs a head over the current log and serves it as the latest.</summary>
    public SignedTreeHead PublishHead()
    {
        LatestHead = Signer.Sign(Size, RootHash(Size), Now);
        return LatestHead;
    }

    public HttpMessageHandler CreateHandler() => new Handler(this);

    public void Dispose() => Signer.Dispose();

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Add(request.Method + " " + request.RequestUri.PathAndQuery);
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        long? Query(string name) => long.TryParse(query[name], out var value) ? value : null;

        switch (request.Method.Method, path)
        {
            case ("POST", "/connect/token"):
                TokenRequests++;
                return Json(new { access_token = $"token-{TokenRequests}", token_type = "Bearer", expires_in = (long)TokenLifetime.TotalSeconds });
            case ("GET", "/.well-known/openid-configuration"):
                return Json(new { issuer = BaseUrl.AbsoluteUri, jwks_uri = new Uri(BaseUrl, ".well-known/jwks").AbsoluteUri });
            case ("GET", "/.well-known/jwks"):
                var jwk = Signer.PublicJwk;
                return Json(new { keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = jwk.Kid, alg = jwk.Alg, use = jwk.Use } } });
            case ("GET", "/audit/sth"):
                return LatestHead is { } head ? Json(head) : Problem(HttpStatusCode.NotFound, "not-found", "The log has no signed tree head yet.");
            case ("GET", "/audit/entries"):
                if (request.Headers.Authorization is not { Scheme: "Bearer" } || RejectNextEntriesRequest)
                {
                    RejectNextEntriesRequest = false;
                    return Problem(HttpStatusCode.Unauthorized, "unauthorized", "A bearer token is required.");
                }
                var start = Query("start") ?? 0;
                var end = Math.Min(Query("end") ?? start + 10_000, Size);
                var entries = new List<object>();
                for (var i = start; i < end; i++)
                {
                    if (Hidden.Contains(i))
                    {
                        continue;
                    }
                    var leaf = ServedLeafInputs.GetValueOrDefault(i, _entries[(int)i]);
                    var entryJson = ServedEntryObjects.GetValueOrDefault(i, Encoding.UTF8.GetString(leaf));
                    entries.Add(new { leaf_index = i, leaf_input = Convert.ToBase64String(leaf), entry = JsonDocument.Parse(entryJson).RootElement });
                }
                return Json(new { tree_size = Size, entries });
            case ("GET", "/audit/proof/inclusion"):
                var (leafIndex, treeSize) = (Query("leafIndex") ?? -1, Query("treeSize") ?? -1);
                if (treeSize < 1 || treeSize > Size || leafIndex < 0 || leafIndex >= treeSize)
                {
                    return Validation("leafIndex", "leafIndex must be 0 or more and smaller than treeSize.");
                }
                var inclusion = MerkleTree.InclusionProof(LeafHashes, leafIndex, treeSize);
                return Json(new { log_id = Signer.LogId, tree_size = treeSize, leaf_index = leafIndex, inclusion_path = inclusion.Select(Convert.ToBase64String) });
            case ("GET", "/audit/proof/consistency"):
                var (first, second) = (Query("first") ?? 0, Query("second") ?? 0);
                if (first < 1 || second <= first || second > Size)
                {
                    return Validation("second", $"second must be greater than first and at most the log's size, {Size}.");
                }
                var consistency = MerkleTree.ConsistencyProof(LeafHashes, first, second);
                return Json(new { log_id = Signer.LogId, tree_size_1 = first, tree_size_2 = second, consistency_path = consistency.Select(Convert.ToBase64String) });
            default:
                return Problem(HttpStatusCode.NotFound, "not-found", $"No route {path}.");
        }
    }

    private static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };

    private static HttpResponseMessage Problem(HttpStatusCode status, string title, string detail) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(new { type = "about:blank", title, status = (int)status, detail }),
            Encoding.UTF8, "application/problem+json"),
    };

    private static HttpResponseMessage Validation(string field, string error) => new(HttpStatusCode.BadRequest)
    {
        Content = new StringContent(JsonSerializer.Serialize(new
        {
            type = "https://marketplace.example/problems/validation",
            title = "validation-failed",
            status = 400,
            detail = "One or more parameters are not valid; see 'errors'.",
            errors = new Dictionary<string, string[]> { [field] = [error] },
        }), Encoding.UTF8, "application/problem+json"),
    };

    private sealed class Handler(FakeAuditLog log) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(log.Respond(request));
        }
    }
}
