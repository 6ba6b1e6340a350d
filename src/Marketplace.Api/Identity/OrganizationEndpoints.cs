using System.Security.Claims;
using Marketplace.Api.Hosting;
using Marketplace.Identity.Clients;
using Marketplace.Identity.Members;
using Marketplace.Identity.Organizations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Identity;

/// <summary>Organizations, their members and their API clients.</summary>
internal static class OrganizationEndpoints
{
    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var organizations = app.MapGroup("/organizations").WithTags("Organizations").RequireAuthorization();
        organizations.MapGet("/", ListOrganizations).WithName(nameof(ListOrganizations))
            .WithSummary("Organizations the caller may see (all for platform admins and auditors).");
        organizations.MapPost("/", CreateOrganization).WithName(nameof(CreateOrganization))
            .WithSummary("Register an organization (platform-admin).");
        organizations.MapGet("/{organizationId:guid}", GetOrganization).WithName(nameof(GetOrganization));
        organizations.MapPut("/{organizationId:guid}/clearance", ChangeClearance).WithName(nameof(ChangeClearance))
            .WithSummary("Set the organization's clearance (platform-admin).");

        organizations.MapGet("/{organizationId:guid}/members", ListMembers).WithName(nameof(ListMembers));
        organizations.MapPost("/{organizationId:guid}/members", AddMember).WithName(nameof(AddMember))
            .WithSummary("Add a member with roles the organization's kind may grant (organization admin).");
        organizations.MapDelete("/{organizationId:guid}/members/{memberId:guid}", RemoveMember).WithName(nameof(RemoveMember));

        organizations.MapGet("/{organizationId:guid}/clients", ListApiClients).WithName(nameof(ListApiClients));
        organizations.MapPost("/{organizationId:guid}/clients", CreateApiClient).WithName(nameof(CreateApiClient))
            .WithSummary("Create an API client; its secret is shown once (organization admin).");
        organizations.MapPost("/{organizationId:guid}/clients/{clientId}/secret", RotateClientSecret).WithName(nameof(RotateClientSecret))
            .WithSummary("Replace the client's secret; the old one stops working at once. The new one is shown once.");
        organizations.MapDelete("/{organizationId:guid}/clients/{clientId}", RevokeApiClient).WithName(nameof(RevokeApiClient))
            .WithSummary("Revoke the client: it gets no new tokens and its current tokens are refused.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<OrganizationView>>> ListOrganizations(ListOrganizations handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(user.ToCaller(), ct));

    public static async Task<Results<Created<OrganizationView>, ValidationProblem, ProblemHttpResult>> CreateOrganization(
        CreateOrganizationRequest request, CreateOrganization handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller(), request, ct)).ToCreated(o => $"/organizations/{o.Id}");

    public static async Task<Results<Ok<OrganizationView>, ValidationProblem, ProblemHttpResult>> GetOrganization(
        Guid organizationId, GetOrganization handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller(), organizationId, ct)).ToOk();

    public static async Task<Results<Ok<OrganizationView>, ValidationProblem, ProblemHttpResult>> ChangeClearance(
        Guid organizationId, ChangeClearanceRequest request, ChangeClearance handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller(), organizationId, request, ct)).ToOk();

    public static async Task<Results<Ok<IReadOnlyList<MemberView>>, ValidationProblem, ProblemHttpResult>> ListMembers(
        Guid organizationId, ListMembers handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller(), organizationId, ct)).ToOk();

    public static async Task<Results<Created<MemberView>, ValidationProblem, ProblemHttpResult>> AddMember(
        Guid organizationId, AddMemberRequest request, AddMember handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller(), organizationId, request, ct)).ToCreated(m => $"/organizations/{organizationId}/members/{m.Id}");

    public static async Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult>> RemoveMember(
        Guid organizationId, Guid memberId, RemoveMember handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller(), organizationId, memberId, ct)).ToOk();

    public static async Task<Results<Ok<IReadOnlyList<ApiClientView>>, ValidationProblem, ProblemHttpResult>> ListApiClients(
        Guid organizationId, ListApiClients handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller(), organizationId, ct)).ToOk();

    public static async Task<Results<Created<ApiClientWithSecret>, ValidationProblem, ProblemHttpResult>> CreateApiClient(
        Guid organizationId, CreateApiClientRequest request, CreateApiClient handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller(), organizationId, request, ct))
            .ToCreated(c => $"/organizations/{organizationId}/clients/{c.Client.ClientId}");

    public static async Task<Results<Ok<ApiClientWithSecret>, ValidationProblem, ProblemHttpResult>> RotateClientSecret(
        Guid organizationId, string clientId, RotateClientSecret handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller(), organizationId, clientId, ct)).ToOk();

    public static async Task<Results<Ok<ApiClientView>, ValidationProblem, ProblemHttpResult>> RevokeApiClient(
        Guid organizationId, string clientId, RevokeApiClient handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller(), organizationId, clientId, ct)).ToOk();
}
