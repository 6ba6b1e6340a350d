using System.Net;
using System.Net.Http.Json;
using Marketplace.IntegrationTests.Infrastructure;

namespace Marketplace.IntegrationTests.Identity;

public sealed class OrganizationTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateOrganization_AsPlatformAdmin_CreatesItAndItsAdminCanAddMembersAndClients()
    {
        using var platform = await app.ClientAsAsync("demo-platform-admin", Ct);

        using var created = await platform.PostAsJsonAsync("/organizations",
            new { slug = "polar-research-institute", name = "Polar Research Institute", kind = "research", clearance = "restricted" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var organization = await MarketplaceApp.ReadJsonAsync(created, Ct);
        var id = organization.GetProperty("id").GetGuid();
        Assert.Equal("research", organization.GetProperty("kind").GetString());
        Assert.Equal("restricted", organization.GetProperty("clearance").GetString());
        using var client = await platform.PostAsJsonAsync($"/organizations/{id}/clients", new { displayName = "Admin", roles = new[] { "buyer-admin" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, client.StatusCode);
        var secret = await MarketplaceApp.ReadJsonAsync(client, Ct);
        using var admin = app.WithToken(await app.GetTokenAsync(
            secret.GetProperty("client").GetProperty("clientId").GetString()!, secret.GetProperty("clientSecret").GetString()!, Ct));
        using var member = await admin.PostAsJsonAsync($"/organizations/{id}/members",
            new { email = "Analyst@Polar.example", displayName = "Analyst", roles = new[] { "buyer" }, password = "correct horse battery" }, Ct);
        Assert.Equal(HttpStatusCode.Created, member.StatusCode);
        Assert.Equal("analyst@polar.example", (await MarketplaceApp.ReadJsonAsync(member, Ct)).GetProperty("email").GetString());
        var members = await MarketplaceApp.ReadJsonAsync(await admin.GetAsync($"/organizations/{id}/members", Ct), Ct);
        Assert.Single(members.EnumerateArray());
    }

    [Fact]
    public async Task CreateOrganization_WithEveryFieldInvalid_Returns400NamingEachField()
    {
        using var platform = await app.ClientAsAsync("demo-platform-admin", Ct);

        using var response = await platform.PostAsJsonAsync("/organizations",
            new { slug = "Not A Slug", name = "", kind = "pirate", clearance = "controlled" }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation", Ct);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["clearance", "kind", "name", "slug"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task CreateOrganization_DuplicateSlug_Returns409()
    {
        using var platform = await app.ClientAsAsync("demo-platform-admin", Ct);

        using var response = await platform.PostAsJsonAsync("/organizations",
            new { slug = "geoinsight", name = "Copy", kind = "commercial", clearance = "public" }, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "conflict", Ct);
    }

    [Fact]
    public async Task CreateOrganization_AsBuyer_Returns403()
    {
        using var buyer = await app.ClientAsAsync("demo-government-buyer", Ct);

        using var response = await buyer.PostAsJsonAsync("/organizations",
            new { slug = "shadow-org", name = "Shadow", kind = "commercial", clearance = "public" }, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden", Ct);
    }

    [Fact]
    public async Task GetOrganization_OfAnotherOrganization_Returns404ButOwnIsVisible()
    {
        using var buyer = await app.ClientAsAsync("demo-commercial-buyer", Ct);

        using var other = await buyer.GetAsync($"/organizations/{app.OrganizationId("national-mapping-agency")}", Ct);
        using var unknown = await buyer.GetAsync($"/organizations/{Guid.NewGuid()}", Ct);
        using var own = await buyer.GetAsync($"/organizations/{app.OrganizationId("geoinsight")}", Ct);

        var hidden = await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound, "not-found", Ct);
        var missing = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found", Ct);
        Assert.Equal(missing.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task ListOrganizations_AuditorSeesAll_BuyerSeesOnlyItsOwn()
    {
        using var auditor = await app.ClientAsAsync("demo-auditor", Ct);
        using var buyer = await app.ClientAsAsync("demo-commercial-buyer", Ct);

        var all = await MarketplaceApp.ReadJsonAsync(await auditor.GetAsync("/organizations", Ct), Ct);
        var own = await MarketplaceApp.ReadJsonAsync(await buyer.GetAsync("/organizations", Ct), Ct);

        Assert.Superset(app.Demo.Organizations.Select(o => o.Slug).ToHashSet(),
            all.EnumerateArray().Select(o => o.GetProperty("slug").GetString()!).ToHashSet());
        Assert.Equal(["geoinsight"], own.EnumerateArray().Select(o => o.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task ChangeClearance_AsPlatformAdmin_TakesEffectOnTheNextRequestOfExistingTokens()
    {
        using var platform = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var platformHelper = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var created = await platform.PostAsJsonAsync("/organizations",
            new { slug = "clearance-check", name = "Clearance check", kind = "commercial", clearance = "public" }, Ct);
        var id = (await MarketplaceApp.ReadJsonAsync(created, Ct)).GetProperty("id").GetGuid();
        var client = await MarketplaceApp.ReadJsonAsync(
            await platformHelper.PostAsJsonAsync($"/organizations/{id}/clients", new { displayName = "b", roles = new[] { "buyer" } }, Ct), Ct);
        using var buyer = app.WithToken(await app.GetTokenAsync(
            client.GetProperty("client").GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!, Ct));
        Assert.Equal("public", (await MarketplaceApp.ReadJsonAsync(await buyer.GetAsync("/me", Ct), Ct)).GetProperty("clearance").GetString());

        using var changed = await platform.PutAsJsonAsync($"/organizations/{id}/clearance", new { clearance = "restricted" }, Ct);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("restricted", (await MarketplaceApp.ReadJsonAsync(await buyer.GetAsync("/me", Ct), Ct)).GetProperty("clearance").GetString());
    }

    [Fact]
    public async Task AddMember_WithShortPasswordAndBadEmail_Returns400NamingBoth()
    {
        using var admin = await app.ClientAsAsync("demo-provider-admin", Ct);

        using var response = await admin.PostAsJsonAsync($"/organizations/{app.OrganizationId("orbital-eye")}/members",
            new { email = "not-an-email", displayName = "X", roles = new[] { "uploader" }, password = "short" }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.Equal(["email", "password"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }
}
