namespace Marketplace.Identity.Demo;

/// <summary>The demo world's organizations, API clients (with secrets) and members (with passwords).</summary>
public sealed record DemoIdentities(
    IReadOnlyList<DemoOrganization> Organizations,
    IReadOnlyList<DemoClient> Clients,
    IReadOnlyList<DemoMember> Members);

public sealed record DemoOrganization(Guid Id, string Slug, string Name, string Kind, string Clearance);

public sealed record DemoClient(string ClientId, string ClientSecret, string Organization, IReadOnlyList<string> Roles, string Description);

public sealed record DemoMember(string Email, string Password, string Organization, IReadOnlyList<string> Roles);
