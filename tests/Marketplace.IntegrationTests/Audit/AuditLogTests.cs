using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Platform.Audit;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Audit.Sequencing;
using Marketplace.Platform.Audit.TreeHeads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Marketplace.IntegrationTests.Audit;

public sealed class AuditLogTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task SequenceAllAsync() => AuditTestLog.SequenceAllAsync(app, Ct);

    private Task<SignedTreeHead> PublishHeadAsync() => AuditTestLog.PublishHeadAsync(app, Ct);

    private static Task<List<JsonElement>> AllEntriesAsync(HttpClient client) => AuditTestLog.EntriesAsync(client, Ct);

    private static AuditEvent Marked(string marker) => AuditTestLog.Marked(marker);

    private static int CountWithMarker(IEnumerable<JsonElement> entries, string marker) => AuditTestLog.CountWithMarker(entries, marker);

    [Fact]
    public async Task CreateOrganization_IsLoggedWithItsActorAndObject()
    {
        using var platform = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var created = await platform.PostAsJsonAsync("/organizations",
            new { slug = "audited-org", name = "Audited", kind = "commercial", clearance = "public" }, Ct);
        var id = (await MarketplaceApp.ReadJsonAsync(created, Ct)).GetProperty("id").GetGuid();
        await SequenceAllAsync();

        using var auditor = await app.ClientAsAsync("demo-auditor", Ct);
        var entry = (await AllEntriesAsync(auditor)).Select(e => e.GetProperty("entry"))
            .Single(e => e.GetProperty("action").GetString() == "organization.created" && e.GetProperty("objects")[0].GetString() == $"organization:{id}");

        Assert.Equal("demo-platform-admin", entry.GetProperty("actor").GetProperty("subject").GetString());
        Assert.Equal(app.OrganizationId("marketplace-platform").ToString(), entry.GetProperty("actor").GetProperty("organization").GetString());
        Assert.Equal("commercial", entry.GetProperty("details").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task RecordInTransaction_RolledBack_LogsNothing_Committed_LogsOnce()
    {
        var rolledBack = Guid.NewGuid().ToString("N");
        var committed = Guid.NewGuid().ToString("N");
        var trail = app.Services.GetRequiredService<IAuditTrail>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
            {
                db.Organizations.Add(Organization.Create(Guid.NewGuid(), "rolled-back-" + rolledBack[..8], "x", OrganizationKind.Commercial, "public", DateTimeOffset.UtcNow));
                await db.SaveChangesAsync(Ct);
                await trail.RecordAsync(db, Marked(rolledBack), Ct);
                await transaction.RollbackAsync(Ct);
            }
            await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
            {
                await trail.RecordAsync(db, Marked(committed), Ct);
                await transaction.CommitAsync(Ct);
            }
        }
        await SequenceAllAsync();

        using var auditor = await app.ClientAsAsync("demo-auditor", Ct);
        var entries = await AllEntriesAsync(auditor);
        Assert.Equal(0, CountWithMarker(entries, rolledBack));
        Assert.Equal(1, CountWithMarker(entries, committed));
    }

    [Fact]
    public async Task RecordInTransaction_WithoutTransaction_IsABug()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            app.Services.GetRequiredService<IAuditTrail>().RecordAsync(db, Marked("x"), Ct));
    }

    [Fact]
    public async Task TokenRequests_SuccessAndRefusal_AreLogged_AndTheClientsOrganizationSeesThem()
    {
        var buyer = app.DemoClient("demo-commercial-buyer");
        (await app.GetTokenAsync(buyer.ClientId, buyer.ClientSecret, Ct)).ToString();
        (await app.RequestTokenAsync(buyer.ClientId, "wrong-secret", Ct)).Dispose();
        await SequenceAllAsync();

        using var admin = await app.ClientAsAsync("demo-commercial-buyer-admin", Ct);
        using var other = await app.ClientAsAsync("demo-government-buyer-admin", Ct);
        var own = (await AllEntriesAsync(admin)).Select(e => e.GetProperty("entry")).ToList();
        var foreign = (await AllEntriesAsync(other)).Select(e => e.GetProperty("entry")).ToList();

        var refused = own.Where(e => e.GetProperty("action").GetString() == "token.refused"
            && e.GetProperty("objects")[0].GetString() == $"client:{buyer.ClientId}").ToList();
        Assert.NotEmpty(refused);
        Assert.Equal("deny", refused[0].GetProperty("decision").GetString());
        Assert.Equal("invalid_client", refused[0].GetProperty("details").GetProperty("error").GetString());
        Assert.Contains(own, e => e.GetProperty("action").GetString() == "token.issued" && e.GetProperty("actor").GetProperty("subject").GetString() == buyer.ClientId);
        Assert.DoesNotContain(foreign, e => e.GetProperty("objects").EnumerateArray().Any(o => o.GetString() == $"client:{buyer.ClientId}"));
        var geoinsight = app.OrganizationId("geoinsight").ToString();
        Assert.All(own, e => Assert.Contains(geoinsight, e.GetProperty("organizations").EnumerateArray().Select(o => o.GetString())));
    }

    [Fact]
    public async Task TreeHead_IsSignedWithAKeyInTheJwks_AndEveryEntryHasAValidInclusionProof()
    {
        using var auditor = await app.ClientAsAsync("demo-auditor", Ct);
        var head = await PublishHeadAsync();
        using var client = app.CreateClient();
        var jwks = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks", Ct));

        Assert.True(TreeHeadVerifier.Verify(head, jwks, out var problem), problem);
        var entries = (await AllEntriesAsync(auditor)).Where(e => e.GetProperty("leaf_index").GetInt64() < head.TreeSize).ToList();
        Assert.Equal(Enumerable.Range(0, (int)head.TreeSize).Select(i => (long)i), entries.Select(e => e.GetProperty("leaf_index").GetInt64()));
        var frontier = new MerkleFrontier();
        foreach (var entry in entries)
        {
            var leaf = Convert.FromBase64String(entry.GetProperty("leaf_input").GetString()!);
            var leafHash = MerkleHash.LeafHash(leaf);
            frontier.Append(leafHash);
            var index = entry.GetProperty("leaf_index").GetInt64();
            var proof = await MarketplaceApp.ReadJsonAsync(await client.GetAsync($"/audit/proof/inclusion?leafIndex={index}&treeSize={head.TreeSize}", Ct), Ct);
            var path = proof.GetProperty("inclusion_path").EnumerateArray().Select(p => Convert.FromBase64String(p.GetString()!)).ToList();
            Assert.True(MerkleProofVerifier.VerifyInclusion(index, head.TreeSize, leafHash, path, Convert.FromBase64String(head.RootHash)), $"leaf {index}");
        }
        Assert.Equal(head.RootHash, Convert.ToBase64String(frontier.RootHash()));
        Assert.Contains(jwks.Keys, k => k.Kid == head.KeyId && k.Crv == "P-256" && k.D is null);
    }

    [Fact]
    public async Task TwoTreeHeads_AreConsistent()
    {
        var first = await PublishHeadAsync();
        await app.Services.GetRequiredService<IAuditTrail>().RecordAsync(Marked(Guid.NewGuid().ToString("N")), Ct);
        var second = await PublishHeadAsync();
        using var client = app.CreateClient();

        var proof = await MarketplaceApp.ReadJsonAsync(
            await client.GetAsync($"/audit/proof/consistency?first={first.TreeSize}&second={second.TreeSize}", Ct), Ct);

        Assert.True(second.TreeSize > first.TreeSize);
        var path = proof.GetProperty("consistency_path").EnumerateArray().Select(p => Convert.FromBase64String(p.GetString()!)).ToList();
        Assert.True(MerkleProofVerifier.VerifyConsistency(first.TreeSize, second.TreeSize,
            Convert.FromBase64String(first.RootHash), Convert.FromBase64String(second.RootHash), path));
        Assert.Equal(first.RootHash, (await client.GetFromJsonAsync<SignedTreeHead>($"/audit/sth/{first.TreeSize}", Ct))!.RootHash);
    }

    [Theory]
    [InlineData("/audit/proof/inclusion?leafIndex=5&treeSize=2", "leafIndex")]
    [InlineData("/audit/proof/inclusion?leafIndex=0&treeSize=999999999", "treeSize")]
    [InlineData("/audit/proof/inclusion", "treeSize")]
    [InlineData("/audit/proof/consistency?first=3&second=3", "second")]
    [InlineData("/audit/proof/consistency?first=0&second=1", "first")]
    public async Task Proofs_WithBadParameters_Return400NamingTheParameter(string url, string parameter)
    {
        await PublishHeadAsync();
        using var client = app.CreateClient();

        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync(url, Ct), HttpStatusCode.BadRequest, "validation", Ct);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("UPDATE audit.entries SET action = 'x'")]
    [InlineData("DELETE FROM audit.entries")]
    [InlineData("TRUNCATE audit.entries")]
    [InlineData("UPDATE audit.subtrees SET hash = hash")]
    [InlineData("DELETE FROM audit.tree_heads")]
    public async Task ApplicationRole_CannotChangeOrRemoveLogRows(string sql)
    {
        await PublishHeadAsync();
        await using var connection = new NpgsqlConnection(app.Stack.ConnectionStringFor(app.Database));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Owner_CannotChangeLogRowsEither_TheTriggersRefuse()
    {
        await PublishHeadAsync();
        await using var connection = new NpgsqlConnection(app.Stack.OwnerConnectionStringFor(app.Database));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("UPDATE audit.entries SET action = 'x' WHERE leaf_index = 0", connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoProcesses_AppendingConcurrently_KeepOneContiguousConsistentSequence()
    {
        await using var second = app.StartAnotherProcess();
        var trails = new[] { app.Services.GetRequiredService<IAuditTrail>(), second.Services.GetRequiredService<IAuditTrail>() };
        var sequencers = new[] { app.Services.GetRequiredService<AuditSequencer>(), second.Services.GetRequiredService<AuditSequencer>() };
        var markers = Enumerable.Range(0, 400).Select(i => $"{i}-{Guid.NewGuid():N}").ToList();

        var writers = markers.Select((marker, i) => Task.Run(() => trails[i % 2].RecordAsync(Marked(marker), Ct), Ct));
        var sequencing = sequencers.Select(s => Task.Run(async () =>
        {
            for (var round = 0; round < 50; round++)
            {
                await s.SequenceAsync(Ct);
            }
        }, Ct));
        await Task.WhenAll(writers.Concat(sequencing));
        var head = await PublishHeadAsync();

        using var auditor = await app.ClientAsAsync("demo-auditor", Ct);
        var entries = (await AllEntriesAsync(auditor)).Take((int)head.TreeSize).ToList();
        Assert.Equal(Enumerable.Range(0, (int)head.TreeSize).Select(i => (long)i), entries.Select(e => e.GetProperty("leaf_index").GetInt64()));
        Assert.All(markers, m => Assert.Equal(1, CountWithMarker(entries, m)));
        var frontier = new MerkleFrontier();
        foreach (var entry in entries)
        {
            frontier.Append(MerkleHash.LeafHash(Convert.FromBase64String(entry.GetProperty("leaf_input").GetString()!)));
        }
        Assert.Equal(head.RootHash, Convert.ToBase64String(frontier.RootHash()));
    }
}
