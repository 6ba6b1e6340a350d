using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Api.Hosting;
using Marketplace.Identity.Roles;
using Marketplace.Platform.Audit;
using Marketplace.Platform.Audit.TreeHeads;
using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Audit;

/// <summary>
/// The tamper-evident audit log: signed tree heads and proofs are public, so anyone can check that the log only
/// grows; entries are shown to auditors and platform admins in full, and to an organization where they concern it.
/// </summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/sth", GetLatestTreeHead).WithName(nameof(GetLatestTreeHead)).AllowAnonymous()
            .WithSummary("The latest signed tree head (ES256 JWS; key in the JWKS).");
        audit.MapGet("/sth/{treeSize:long}", GetTreeHead).WithName(nameof(GetTreeHead)).AllowAnonymous()
            .WithSummary("The signed tree head of a given size; every head is kept.");
        audit.MapGet("/sths", ListTreeHeads).WithName(nameof(ListTreeHeads)).AllowAnonymous()
            .WithSummary("Signed tree heads in size order, from a size on.");
        audit.MapGet("/entries", GetEntries).WithName(nameof(GetEntries)).RequireAuthorization()
            .WithSummary("Entries [start, end) with their leaf index: all for auditors, those about the caller's organization otherwise.");
        audit.MapGet("/proof/inclusion", GetInclusionProof).WithName(nameof(GetInclusionProof)).AllowAnonymous()
            .WithSummary("Inclusion proof of a leaf in a tree of a given size (RFC 9162 section 2.1.3).");
        audit.MapGet("/proof/consistency", GetConsistencyProof).WithName(nameof(GetConsistencyProof)).AllowAnonymous()
            .WithSummary("Consistency proof between two tree sizes (RFC 9162 section 2.1.4).");
        return app;
    }

    public static async Task<Results<Ok<SignedTreeHead>, ProblemHttpResult>> GetLatestTreeHead(AuditLogReader log, CancellationToken ct) =>
        await log.LatestTreeHeadAsync(ct) is { } head
            ? TypedResults.Ok(head)
            : NotFound("The log has no signed tree head yet.");

    public static async Task<Results<Ok<SignedTreeHead>, ProblemHttpResult>> GetTreeHead(long treeSize, AuditLogReader log, CancellationToken ct) =>
        await log.TreeHeadAsync(treeSize, ct) is { } head
            ? TypedResults.Ok(head)
            : NotFound($"There is no signed tree head of size {treeSize}.");

    public static async Task<Ok<IReadOnlyList<SignedTreeHead>>> ListTreeHeads(AuditLogReader log, CancellationToken ct, long from = 0, int limit = 100) =>
        TypedResults.Ok(await log.TreeHeadsAsync(Math.Max(0, from), Math.Clamp(limit, 1, 1000), ct));

    public static async Task<Results<Ok<EntriesPage>, ValidationProblem>> GetEntries(
        AuditLogReader log, IOptions<AuditOptions> options, ClaimsPrincipal user, CancellationToken ct, long start = 0, long? end = null)
    {
        var caller = user.ToCaller();
        var size = await log.SizeAsync(ct);
        var last = Math.Min(end ?? start + options.Value.MaxEntriesPerPage, size);
        var errors = new Dictionary<string, string[]>();
        if (start < 0)
        {
            errors["start"] = ["start must be 0 or more."];
        }
        if (end is { } e && e <= start)
        {
            errors["end"] = ["end must be greater than start."];
        }
        if (last - start > options.Value.MaxEntriesPerPage)
        {
            errors["end"] = [$"At most {options.Value.MaxEntriesPerPage} entries per request."];
        }
        if (errors.Count > 0)
        {
            return Validation(errors);
        }
        var seesAll = caller.HasRole(MarketplaceRoles.Auditor) || caller.IsPlatformAdmin;
        var entries = start >= last ? [] : await log.EntriesAsync(start, last, seesAll ? null : caller.OrganizationId, ct);
        return TypedResults.Ok(new EntriesPage(size, entries.Select(EntryView.From).ToList()));
    }

    public static async Task<Results<Ok<InclusionProofView>, ValidationProblem>> GetInclusionProof(
        AuditLogReader log, TreeHeadSigner signer, long? leafIndex, long? treeSize, CancellationToken ct)
    {
        var size = await log.SizeAsync(ct);
        var errors = new Dictionary<string, string[]>();
        if (treeSize is not { } n || n < 1 || n > size)
        {
            errors["treeSize"] = [$"treeSize must be between 1 and the log's size, {size}."];
        }
        if (leafIndex is not { } m || m < 0 || (treeSize is { } t && m >= t))
        {
            errors["leafIndex"] = ["leafIndex must be 0 or more and smaller than treeSize."];
        }
        if (errors.Count > 0)
        {
            return Validation(errors);
        }
        var path = await log.InclusionProofAsync(leafIndex!.Value, treeSize!.Value, ct);
        return TypedResults.Ok(new InclusionProofView(signer.LogId, treeSize.Value, leafIndex.Value, path.Select(Convert.ToBase64String).ToList()));
    }

    public static async Task<Results<Ok<ConsistencyProofView>, ValidationProblem>> GetConsistencyProof(
        AuditLogReader log, TreeHeadSigner signer, long? first, long? second, CancellationToken ct)
    {
        var size = await log.SizeAsync(ct);
        var errors = new Dictionary<string, string[]>();
        if (first is not { } m || m < 1)
        {
            errors["first"] = ["first must be 1 or more."];
        }
        if (second is not { } n || n > size || (first is { } f && n <= f))
        {
            errors["second"] = [$"second must be greater than first and at most the log's size, {size}."];
        }
        if (errors.Count > 0)
        {
            return Validation(errors);
        }
        var path = await log.ConsistencyProofAsync(first!.Value, second!.Value, ct);
        return TypedResults.Ok(new ConsistencyProofView(signer.LogId, first.Value, second.Value, path.Select(Convert.ToBase64String).ToList()));
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: 404, title: ProblemTypes.NotFound.Title, type: ProblemTypes.NotFound.Uri);

    private static ValidationProblem Validation(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "One or more parameters are not valid; see 'errors'.",
            type: ProblemTypes.Validation.Uri, title: ProblemTypes.Validation.Title);
}

/// <summary>A page of log entries and the log's size when it was read.</summary>
public sealed record EntriesPage([property: JsonPropertyName("tree_size")] long TreeSize, [property: JsonPropertyName("entries")] IReadOnlyList<EntryView> Entries);

/// <summary>An entry: its leaf index, its exact canonical bytes (base64, the Merkle leaf) and the same as JSON.</summary>
public sealed record EntryView(
    [property: JsonPropertyName("leaf_index")] long LeafIndex,
    [property: JsonPropertyName("leaf_input")] string LeafInput,
    [property: JsonPropertyName("entry")] JsonElement Entry)
{
    public static EntryView From(LogEntry e) => new(e.LeafIndex, Convert.ToBase64String(e.Entry), JsonDocument.Parse(e.Entry).RootElement.Clone());
}

/// <summary>RFC 9162 InclusionProofDataV2: the log, the tree size, the leaf index and the inclusion path (base64 hashes).</summary>
public sealed record InclusionProofView(
    [property: JsonPropertyName("log_id")] string LogId,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("leaf_index")] long LeafIndex,
    [property: JsonPropertyName("inclusion_path")] IReadOnlyList<string> InclusionPath);

/// <summary>RFC 9162 ConsistencyProofDataV2: the log, both tree sizes and the consistency path (base64 hashes).</summary>
public sealed record ConsistencyProofView(
    [property: JsonPropertyName("log_id")] string LogId,
    [property: JsonPropertyName("tree_size_1")] long TreeSize1,
    [property: JsonPropertyName("tree_size_2")] long TreeSize2,
    [property: JsonPropertyName("consistency_path")] IReadOnlyList<string> ConsistencyPath);
