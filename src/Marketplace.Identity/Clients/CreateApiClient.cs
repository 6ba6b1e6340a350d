using System.Security.Cryptography;
using Marketplace.Identity.Callers;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Marketplace.Identity.Roles;
using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Audit.Recording;

namespace Marketplace.Identity.Clients;

public sealed record CreateApiClientRequest(string? DisplayName, IReadOnlyList<string>? Roles);

/// <summary>Creates an API client for an organization (its administrators); the secret is returned once.</summary>
public sealed class CreateApiClient(IdentityDbContext db, OrganizationAccess access, ClientApplications applications, IAuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<ApiClientWithSecret>> HandleAsync(Caller caller, Guid organizationId, CreateApiClientRequest request, CancellationToken ct)
    {
        var found = await access.ForAdministrationAsync(caller, organizationId, ct);
        if (found is not Outcome<Organization>.Ok(var organization))
        {
            return OrganizationAccess.Relay<ApiClientWithSecret>(found);
        }
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200)
        {
            errors.Add("displayName", "A display name of 1 to 200 characters is required.");
        }
        RoleRules.Check(organization.Kind, request.Roles, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<ApiClientWithSecret>();
        }
        var clientId = $"{organization.Slug}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        return await RegisterAsync(clientId, organization, request.DisplayName!.Trim(), request.Roles!, secret: null, caller.ToAuditActor(), ct);
    }

    /// <summary>Registers a client with a chosen id (and optionally a chosen secret), in one transaction.</summary>
    internal async Task<ApiClientWithSecret> RegisterAsync(string clientId, Organization organization, string displayName,
        IEnumerable<string> roles, string? secret, AuditActor actor, CancellationToken ct)
    {
        secret ??= ClientApplications.NewSecret();
        var client = ApiClient.Create(clientId, organization.Id, displayName, roles.Distinct(), clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await applications.RegisterAsync(clientId, displayName, secret, ct);
        db.ApiClients.Add(client);
        await db.SaveAndRecordAsync(audit, new AuditEvent("client.created", actor, [$"client:{clientId}"], [organization.Id],
            Details: new Dictionary<string, string> { ["roles"] = string.Join(",", client.Roles) }), ct);
        await transaction.CommitAsync(ct);
        return new ApiClientWithSecret(ApiClientView.From(client), secret);
    }
}
