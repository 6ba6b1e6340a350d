using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Platform.Audit;
using Marketplace.Platform.Audit.Recording;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.IntegrationTests.Audit;

/// <summary>A log rewritten behind the application's back (a superuser disabling the triggers) no longer matches its signed heads.</summary>
public sealed class AuditTamperingTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SuperuserRewritingAnEntry_NoLongerMatchesTheSignedRoot()
    {
        var victim = "victim-" + Guid.NewGuid().ToString("N");
        await app.Services.GetRequiredService<IAuditTrail>().RecordAsync(AuditTestLog.Marked(victim), Ct);
        var head = await AuditTestLog.PublishHeadAsync(app, Ct);
        await using (var connection = new NpgsqlConnection(app.Stack.AdminConnectionStringFor(app.Database)))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(
                "SET session_replication_role = replica; " +
                "UPDATE audit.entries SET entry = convert_to(replace(convert_from(entry, 'UTF8'), 'victim-', 'forged-'), 'UTF8') " +
                "WHERE convert_from(entry, 'UTF8') LIKE '%' || @victim || '%'", connection);
            command.Parameters.AddWithValue("victim", victim);
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }

        using var auditor = await app.ClientAsAsync("demo-auditor", Ct);
        var frontier = new MerkleFrontier();
        foreach (var entry in (await AuditTestLog.EntriesAsync(auditor, Ct)).Take((int)head.TreeSize))
        {
            frontier.Append(MerkleHash.LeafHash(Convert.FromBase64String(entry.GetProperty("leaf_input").GetString()!)));
        }

        Assert.NotEqual(head.RootHash, Convert.ToBase64String(frontier.RootHash()));
    }
}
