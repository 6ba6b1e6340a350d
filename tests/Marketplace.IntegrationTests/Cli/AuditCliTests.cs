using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Platform.Audit.Recording;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.IntegrationTests.Cli;

/// <summary>The command-line client verifying the real server's audit log, as a regulator would run it.</summary>
public sealed class AuditCliTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>, IDisposable
{
    private readonly CliRunner _cli = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task VerifyFromScratch_ThenAfterGrowth_ThenMonitor_AllSucceed()
    {
        var state = _cli.StateFile("auditor");
        await AuditTestLog.PublishHeadAsync(app, Ct);
        var first = await _cli.RunAsync("demo-auditor", ["audit", "verify", "--from-scratch", "--state", state], Ct);
        await app.Services.GetRequiredService<IAuditTrail>().RecordAsync(AuditTestLog.Marked(Guid.NewGuid().ToString("N")), Ct);
        await AuditTestLog.PublishHeadAsync(app, Ct);
        var second = await _cli.RunAsync("demo-auditor", ["audit", "verify", "--state", state], Ct);
        var monitor = await _cli.RunAsync("demo-auditor", ["audit", "monitor", "--once", "--state", state], Ct);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.True(monitor.ExitCode == 0, monitor.Output);
    }

    [Fact]
    public async Task VerifyEntries_AsABuyer_ChecksAnInclusionProofForEachOfItsEntries()
    {
        var buyer = app.DemoClient("demo-commercial-buyer");
        await app.GetTokenAsync(buyer.ClientId, buyer.ClientSecret, Ct);
        await AuditTestLog.PublishHeadAsync(app, Ct);

        var (exitCode, output) = await _cli.RunAsync("demo-commercial-buyer", ["audit", "verify", "--entries", "--state", _cli.StateFile("buyer")], Ct);

        Assert.True(exitCode == 0, output);
    }
}

/// <summary>A superuser rewrites an entry behind the application's back: the command-line verifier catches it.</summary>
public sealed class AuditCliTamperingTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>, IDisposable
{
    private readonly CliRunner _cli = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task VerifyFromScratch_AfterASuperuserRewroteAnEntry_FailsNamingTheLeaf()
    {
        var victim = "victim-" + Guid.NewGuid().ToString("N");
        await app.Services.GetRequiredService<IAuditTrail>().RecordAsync(AuditTestLog.Marked(victim), Ct);
        var head = await AuditTestLog.PublishHeadAsync(app, Ct);
        var before = await _cli.RunAsync("demo-auditor", ["audit", "verify", "--from-scratch", "--state", _cli.StateFile("tamper")], Ct);
        long leafIndex;
        await using (var connection = new NpgsqlConnection(app.Stack.AdminConnectionStringFor(app.Database)))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(
                "SET session_replication_role = replica; " +
                "UPDATE audit.entries SET entry = convert_to(replace(convert_from(entry, 'UTF8'), 'victim-', 'forged-'), 'UTF8') " +
                "WHERE convert_from(entry, 'UTF8') LIKE '%' || @victim || '%' RETURNING leaf_index", connection);
            command.Parameters.AddWithValue("victim", victim);
            leafIndex = (long)(await command.ExecuteScalarAsync(Ct))!;
        }

        var after = await _cli.RunAsync("demo-auditor", ["audit", "verify", "--from-scratch", "--state", _cli.StateFile("tamper")], Ct);

        Assert.True(before.ExitCode == 0, before.Output);
        Assert.True(after.ExitCode == 2, after.Output);
        Assert.True(after.Output.Contains($"leaf {leafIndex}:", StringComparison.OrdinalIgnoreCase), after.Output);
        Assert.True(leafIndex < head.TreeSize);
    }
}
