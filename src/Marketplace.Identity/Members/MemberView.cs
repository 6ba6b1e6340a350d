namespace Marketplace.Identity.Members;

/// <summary>A member as the API shows it.</summary>
public sealed record MemberView(Guid Id, Guid OrganizationId, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt)
{
    public static MemberView From(Member m) => new(m.Id, m.OrganizationId, m.Email, m.DisplayName, m.Roles, m.CreatedAt);
}
