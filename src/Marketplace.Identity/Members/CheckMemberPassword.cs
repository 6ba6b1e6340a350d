using Marketplace.Identity.Persistence;
using Marketplace.Platform.Audit.Recording;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Members;

/// <summary>
/// Checks a member's e-mail and password for the web sign-in; the member's id when they match. Every attempt is
/// recorded in the audit log, a refused one with the e-mail address it claimed.
/// </summary>
public sealed class CheckMemberPassword(IdentityDbContext db, IPasswordHasher<Member> hasher, IAuditTrail audit)
{
    public async Task<Guid?> HandleAsync(string email, string password, CancellationToken ct)
    {
        var member = await CheckAsync(email, password, ct);
        var normalized = email.Trim().ToLowerInvariant();
        await audit.RecordAsync(member is null
            ? new AuditEvent("member.sign-in-refused", AuditActor.Anonymous(normalized), [], [], Decision: "deny")
            : new AuditEvent("member.signed-in", new AuditActor(Callers.ClaimNames.MemberPrincipal, member.Id.ToString(), member.OrganizationId),
                [$"member:{member.Id}"], [member.OrganizationId], Decision: "allow"), ct);
        return member?.Id;
    }

    private async Task<Member?> CheckAsync(string email, string password, CancellationToken ct)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var member = await db.Members.FirstOrDefaultAsync(m => m.Email == normalized && m.RemovedAt == null, ct);
        if (member is null)
        {
            // Same work as a real check, so timing does not tell which e-mail addresses exist.
            hasher.HashPassword(Member.Create(Guid.Empty, Guid.Empty, "", "", [], DateTimeOffset.UnixEpoch), password);
            return null;
        }
        var result = hasher.VerifyHashedPassword(member, member.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            member.SetPasswordHash(hasher.HashPassword(member, password));
            await db.SaveChangesAsync(ct);
        }
        return result == PasswordVerificationResult.Failed ? null : member;
    }
}
