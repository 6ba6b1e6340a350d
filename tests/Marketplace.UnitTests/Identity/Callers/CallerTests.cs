using System.Security.Claims;
using Marketplace.Identity.Callers;

namespace Marketplace.UnitTests.Identity.Callers;

public sealed class CallerTests
{
    private static readonly Guid Own = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly Guid Other = Guid.Parse("0190a000-0000-7000-8000-000000000002");

    private static Caller With(params string[] roles) => new("client-1", ClaimNames.ClientPrincipal, Own, roles, "public");

    [Theory]
    [InlineData("buyer", false, false)]
    [InlineData("buyer-admin", true, false)]
    [InlineData("provider-admin", true, false)]
    [InlineData("auditor", false, false)]
    [InlineData("platform-admin", true, true)]
    public void CanAdminister_OwnAndOtherOrganizations(string role, bool own, bool other)
    {
        var caller = With(role);

        Assert.Equal(own, caller.CanAdminister(Own));
        Assert.Equal(other, caller.CanAdminister(Other));
    }

    [Theory]
    [InlineData("buyer", false)]
    [InlineData("auditor", true)]
    [InlineData("platform-admin", true)]
    public void CanSee_OtherOrganizations_OnlyForAuditorsAndPlatformAdmins(string role, bool other)
    {
        var caller = With(role);

        Assert.True(caller.CanSee(Own));
        Assert.Equal(other, caller.CanSee(Other));
    }

    [Fact]
    public void From_PrincipalWithoutClearance_IsNull()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([
            new Claim(ClaimNames.Subject, "x"), new Claim(ClaimNames.Organization, Own.ToString())], "test"));

        Assert.Null(Caller.From(principal));
    }

    [Fact]
    public void From_CompletePrincipal_ReadsEveryClaim()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([
            new Claim(ClaimNames.Subject, "x"), new Claim(ClaimNames.Organization, Own.ToString()),
            new Claim(ClaimNames.Clearance, "restricted"), new Claim(ClaimNames.Role, "buyer"), new Claim(ClaimNames.Role, "buyer-admin"),
            new Claim(ClaimNames.PrincipalType, ClaimNames.MemberPrincipal)], "test"));

        var caller = Caller.From(principal);

        Assert.Equal(new Caller("x", "member", Own, caller!.Roles, "restricted"), caller);
        Assert.Equal(["buyer", "buyer-admin"], caller.Roles);
    }
}
