using System.Net.Mail;
using Marketplace.Identity.Callers;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Marketplace.Identity.Roles;
using Marketplace.Platform.Outcomes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Marketplace.Platform.Audit.Recording;

namespace Marketplace.Identity.Members;

public sealed record AddMemberRequest(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, string? Password);

/// <summary>Adds a person to an organization, with roles its kind may grant and a password for the web sign-in.</summary>
public sealed class AddMember(IdentityDbContext db, OrganizationAccess access, IPasswordHasher<Member> hasher, IAuditTrail audit, TimeProvider clock)
{
    public const int MinimumPasswordLength = 12;

    public async Task<Outcome<MemberView>> HandleAsync(Caller caller, Guid organizationId, AddMemberRequest request, CancellationToken ct)
    {
        var found = await access.ForAdministrationAsync(caller, organizationId, ct);
        if (found is not Outcome<Organization>.Ok(var organization))
        {
            return OrganizationAccess.Relay<MemberView>(found);
        }
        var errors = new FieldErrors();
        var email = request.Email?.Trim().ToLowerInvariant();
        if (email is null || email.Length > 254 || !MailAddress.TryCreate(email, out _))
        {
            errors.Add("email", "A valid e-mail address is required.");
        }
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200)
        {
            errors.Add("displayName", "A display name of 1 to 200 characters is required.");
        }
        RoleRules.Check(organization.Kind, request.Roles, errors);
        if (request.Password is null || request.Password.Length < MinimumPasswordLength)
        {
            errors.Add("password", $"A password of at least {MinimumPasswordLength} characters is required.");
        }
        if (errors.Any)
        {
            return errors.ToOutcome<MemberView>();
        }
        if (await db.Members.AnyAsync(m => m.Email == email, ct))
        {
            return new Outcome<MemberView>.Conflict($"A member with e-mail '{email}' exists already.");
        }
        var now = clock.GetUtcNow();
        var member = Member.Create(Guid.CreateVersion7(now), organization.Id, email!, request.DisplayName!.Trim(), request.Roles!.Distinct(), now);
        member.SetPasswordHash(hasher.HashPassword(member, request.Password!));
        db.Members.Add(member);
        await db.SaveAndRecordAsync(audit, new AuditEvent("member.added", caller.ToAuditActor(),
            [$"member:{member.Id}"], [organization.Id],
            Details: new Dictionary<string, string> { ["roles"] = string.Join(",", member.Roles) }), ct);
        return MemberView.From(member);
    }
}
