using System.Security.Claims;
using Marketplace.Api.Hosting;
using Marketplace.Identity.Callers;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Roles;
using Marketplace.Ingestion.Uploads;
using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Uploads;

/// <summary>
/// Provider uploads of large files straight to Blob storage: open an upload (quota checked first) and get a write-only
/// URL for one blob, send blocks there in parallel (or through the API), follow progress, complete or abort. Only
/// the uploading organization's uploaders and provider admins see its uploads.
/// </summary>
internal static class UploadEndpoints
{
    /// <summary>A completion lists at most 50,000 block ids of at most 88 base64 characters each.</summary>
    private const long CompleteBodyLimit = 8L * 1024 * 1024;

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<UploadOptions>>().Value;
        var uploads = app.MapGroup("/uploads").WithTags("Uploads");
        uploads.MapPost("/", CreateUpload).WithName(nameof(CreateUpload)).RequireAuthorization(Uploaders)
            .WithSummary("Open an upload: checks the quota, then answers with a write-only URL for one blob and the block plan (uploader, provider-admin).");
        uploads.MapGet("/{uploadId:guid}", GetUpload).WithName(nameof(GetUpload)).RequireAuthorization(Uploaders)
            .WithSummary("The upload with the blocks received and missing, and a fresh write URL while it is open.");
        uploads.MapPut("/{uploadId:guid}/blocks/{blockNumber:int}", StageUploadBlock).WithName(nameof(StageUploadBlock)).RequireAuthorization(Uploaders)
            .Accepts<Stream>("application/octet-stream")
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxBlockBytes))
            .WithSummary("Fallback for clients that cannot reach Blob storage: one block of the plan, streamed through (Content-Length required, optional Content-MD5).");
        uploads.MapPost("/{uploadId:guid}/complete", CompleteUpload).WithName(nameof(CompleteUpload)).RequireAuthorization(Uploaders)
            .WithMetadata(new RequestSizeLimitAttribute(CompleteBodyLimit))
            .WithSummary("Commit the blocks (the listed ids in order, or the plan's blocks 0..n-1) if they add up to the declared size, and seal the blob.");
        uploads.MapDelete("/{uploadId:guid}", AbortUpload).WithName(nameof(AbortUpload)).RequireAuthorization(Uploaders)
            .WithSummary("Abort an open upload, or discard a completed one not yet consumed: its blob is deleted and its quota freed.");
        uploads.MapGet("/quota", GetUploadQuota).WithName(nameof(GetUploadQuota)).RequireAuthorization(Uploaders)
            .WithSummary("The caller's organization's upload quota and what it uses of it.");
        uploads.MapPut("/quota/{organizationId:guid}", SetUploadQuota).WithName(nameof(SetUploadQuota)).RequireAuthorization(PlatformAdmins)
            .WithSummary("Set an organization's own upload limits; null restores a default (platform-admin).");
        return app;
    }

    public static async Task<Results<Created<UploadView>, ValidationProblem, ProblemHttpResult>> CreateUpload(
        CreateUploadRequest request, CreateUpload handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(ToUploader(user), request, ct)).ToCreated(u => $"/uploads/{u.Id}");

    public static async Task<Results<Ok<UploadView>, ValidationProblem, ProblemHttpResult>> GetUpload(
        Guid uploadId, GetUpload handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(ToUploader(user), uploadId, ct)).ToOk();

    public static async Task<Results<Ok<StagedBlock>, ValidationProblem, ProblemHttpResult>> StageUploadBlock(
        Guid uploadId, int blockNumber, HttpRequest request, StageBlock handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var md5 = request.Headers.ContentMD5;
        return (await handler.HandleAsync(ToUploader(user), uploadId, blockNumber, request.Body, request.ContentLength,
            md5.Count == 0 ? null : md5.ToString(), ct)).ToOk();
    }

    public static async Task<Results<Ok<UploadView>, ValidationProblem, ProblemHttpResult>> CompleteUpload(
        Guid uploadId, CompleteUploadRequest? request, CompleteUpload handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(ToUploader(user), uploadId, request, ct)).ToOk();

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AbortUpload(
        Guid uploadId, AbortUpload handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(ToUploader(user), uploadId, ct)).ToNoContent();

    public static async Task<Ok<UploadQuotaView>> GetUploadQuota(GetUploadQuota handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(ToUploader(user), ct));

    public static async Task<Results<Ok<UploadQuotaView>, ValidationProblem, ProblemHttpResult>> SetUploadQuota(
        Guid organizationId, SetUploadQuotaRequest request, GetOrganization organizations, SetUploadQuota handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = user.ToCaller();
        if (await organizations.HandleAsync(caller, organizationId, ct) is not Outcome<OrganizationView>.Ok)
        {
            return UploadResults.Problem(ProblemTypes.NotFound, $"Organization '{organizationId}' was not found.");
        }
        return (await handler.HandleAsync(caller.ToAuditActor(), organizationId, request, ct)).ToOk();
    }

    private static void Uploaders(AuthorizationPolicyBuilder policy) => policy.RequireRole(MarketplaceRoles.Uploaders);

    private static void PlatformAdmins(AuthorizationPolicyBuilder policy) => policy.RequireRole(MarketplaceRoles.PlatformAdmin);

    /// <summary>The caller as an uploader of its organization; the endpoint's policy has checked the role.</summary>
    private static Uploader ToUploader(ClaimsPrincipal user)
    {
        var caller = user.ToCaller();
        return new Uploader(caller.OrganizationId, caller.ToAuditActor());
    }
}
