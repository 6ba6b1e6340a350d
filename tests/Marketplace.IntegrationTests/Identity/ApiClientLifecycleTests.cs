using System.Net;
using System.Net.Http.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Npgsql;

namespace Marketplace.IntegrationTests.Identity;

public sealed class ApiClientLifecycleTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string ClientId, string Secret)> CreateClientAsync(HttpClient admin, Guid organizationId, string role)
    {
        using var response = await admin.PostAsJsonAsync($"/organizations/{organizationId}/clients",
            new { displayName = "Nightly ingest", roles = new[] { role } }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await MarketplaceApp.ReadJsonAsync(response, Ct);
        var clientId = created.GetProperty("client").GetProperty("clientId").GetString()!;
        Assert.Equal($"/organizations/{organizationId}/clients/{clientId}", response.Headers.Location?.OriginalString);
        return (clientId, created.GetProperty("clientSecret").GetString()!);
    }

    [Fact]
    public async Task CreateRotateRevoke_ByOrganizationAdmin_SecretsAndTokensFollowTheClientsState()
    {
        var organizationId = app.OrganizationId("orbital-eye");
        using var admin = await app.ClientAsAsync("demo-provider-admin", Ct);

        var (clientId, secret) = await CreateClientAsync(admin, organizationId, "uploader");
        var firstToken = await app.GetTokenAsync(clientId, secret, Ct);
        using (var me = app.WithToken(firstToken))
        {
            var body = await MarketplaceApp.ReadJsonAsync(await me.GetAsync("/me", Ct), Ct);
            Assert.Equal(clientId, body.GetProperty("subject").GetString());
        }

        using var rotated = await admin.PostAsync($"/organizations/{organizationId}/clients/{clientId}/secret", null, Ct);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = (await MarketplaceApp.ReadJsonAsync(rotated, Ct)).GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(secret, newSecret);
        using (var old = await app.RequestTokenAsync(clientId, secret, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }
        var secondToken = await app.GetTokenAsync(clientId, newSecret, Ct);

        using var revoked = await admin.DeleteAsync($"/organizations/{organizationId}/clients/{clientId}", Ct);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.String, (await MarketplaceApp.ReadJsonAsync(revoked, Ct)).GetProperty("revokedAt").ValueKind);
        using (var afterRevoke = await app.RequestTokenAsync(clientId, newSecret, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        }
        using var holder = app.WithToken(secondToken);
        await ProblemAssert.IsProblemAsync(await holder.GetAsync("/me", Ct), HttpStatusCode.Unauthorized, "unauthenticated", Ct);

        var list = await MarketplaceApp.ReadJsonAsync(await admin.GetAsync($"/organizations/{organizationId}/clients", Ct), Ct);
        var listed = list.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == clientId);
        Assert.False(listed.TryGetProperty("clientSecret", out _));
    }

    [Fact]
    public async Task ClientSecrets_AreStoredOnlyAsHashes()
    {
        using var admin = await app.ClientAsAsync("demo-government-buyer-admin", Ct);
        var (clientId, secret) = await CreateClientAsync(admin, app.OrganizationId("national-mapping-agency"), "buyer");

        await using var connection = new NpgsqlConnection(app.Stack.AdminConnectionStringFor(app.Database));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT \"ClientSecret\" FROM identity.\"OpenIddictApplications\" WHERE \"ClientId\" = @id", connection);
        command.Parameters.AddWithValue("id", clientId);
        var stored = (string)(await command.ExecuteScalarAsync(Ct))!;
        await using var dump = new NpgsqlCommand("SELECT string_agg(t::text, '') FROM identity.api_clients t", connection);
        var clientsTable = (string)(await dump.ExecuteScalarAsync(Ct))!;

        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.True(stored.Length > 40, "a salted hash is stored");
        Assert.DoesNotContain(secret, clientsTable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateClient_WithRoleTheOrganizationCannotGrant_Returns400NamingRoles()
    {
        using var admin = await app.ClientAsAsync("demo-commercial-buyer-admin", Ct);

        using var response = await admin.PostAsJsonAsync($"/organizations/{app.OrganizationId("geoinsight")}/clients",
            new { displayName = "x", roles = new[] { "platform-admin" } }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task CreateClient_ForAnotherOrganization_Returns404()
    {
        using var admin = await app.ClientAsAsync("demo-commercial-buyer-admin", Ct);

        using var response = await admin.PostAsJsonAsync($"/organizations/{app.OrganizationId("national-mapping-agency")}/clients",
            new { displayName = "x", roles = new[] { "buyer" } }, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found", Ct);
    }

    [Fact]
    public async Task ListClients_AsBuyerWithoutAdminRole_Returns403()
    {
        using var buyer = await app.ClientAsAsync("demo-commercial-buyer", Ct);

        using var response = await buyer.GetAsync($"/organizations/{app.OrganizationId("geoinsight")}/clients", Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden", Ct);
    }

    [Fact]
    public async Task RotateSecret_OfAnotherOrganizationsClient_Returns404AndLeavesItWorking()
    {
        using var intruder = await app.ClientAsAsync("demo-provider-admin", Ct);
        var victim = app.DemoClient("demo-government-buyer");

        using var response = await intruder.PostAsync(
            $"/organizations/{app.OrganizationId("national-mapping-agency")}/clients/{victim.ClientId}/secret", null, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found", Ct);
        Assert.False(string.IsNullOrEmpty(await app.GetTokenAsync(victim.ClientId, victim.ClientSecret, Ct)));
    }
}
