namespace Marketplace.Identity.Callers;

/// <summary>Claims the marketplace puts in its access tokens or adds when it validates a token.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string ClientId = "client_id";
    public const string Organization = "org";
    public const string OrganizationKind = "org_kind";

    /// <summary><c>client</c>, <c>member</c> or <c>external</c>.</summary>
    public const string PrincipalType = "principal_type";

    /// <summary>Added at validation from the organization's current clearance, never trusted from the token.</summary>
    public const string Clearance = "clearance";

    public const string ClientPrincipal = "client";
    public const string MemberPrincipal = "member";
    public const string ExternalPrincipal = "external";
}
