using System.CommandLine;
using System.Text.Json;
using Marketplace.Cli.Commands;
using CliProgram = Marketplace.Cli.Program;

namespace Marketplace.UnitTests.Cli.Commands;

public sealed class AuditCommandsTests : IDisposable
{
    private readonly FakeAuditLog _log = new(entries: 4);
    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-cli-commands-").FullName;
    private readonly CliTestContext _cli;

    public AuditCommandsTests()
    {
        _cli = new CliTestContext(_log, new Dictionary<string, string>
        {
            ["HOME"] = _folder,
            ["MARKETPLACE_URL"] = FakeAuditLog.BaseUrl.AbsoluteUri,
            ["MARKETPLACE_CLIENT_ID"] = "demo-auditor",
            ["MARKETPLACE_CLIENT_SECRET"] = "secret",
        });
    }

    private string StatePath => Path.Combine(_folder, ".local", "state", "marketplace", "audit-state.json");

    public void Dispose()
    {
        _log.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Verify_CorrectLog_ExitsZeroAndSavesTheState()
    {
        var head = _log.PublishHead();

        var exit = await RunAsync("audit", "verify", "--from-scratch");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("✓ verified tree size 4", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("Entries checked │ 4", _cli.Output, StringComparison.Ordinal);
        Assert.Contains($"\"root_hash\": \"{head.RootHash}\"", await File.ReadAllTextAsync(StatePath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LogRewrittenSinceLastRun_ExitsTwoAndKeepsTheState()
    {
        _log.PublishHead();
        Assert.Equal(ExitCodes.Ok, await RunAsync("audit", "verify"));
        var saved = await File.ReadAllTextAsync(StatePath, TestContext.Current.CancellationToken);
        _log.Rewrite(2, "history rewritten");
        _log.Append(4);
        _log.PublishHead();

        var exit = await RunAsync("audit", "verify");

        Assert.Equal(ExitCodes.VerificationFailed, exit);
        Assert.Contains("✗ verification failed (1 problem):", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("• The consistency proof from tree size 4", _cli.Output, StringComparison.Ordinal);
        Assert.Equal(saved, await File.ReadAllTextAsync(StatePath, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Verify_EntriesWithoutClient_ExitsOneWithAClearMessage()
    {
        _log.PublishHead();

        var anonymous = new CliTestContext(_log, new Dictionary<string, string> { ["HOME"] = _folder });

        var exit = await CliProgram.RunAsync(["audit", "verify", "--entries", "--url", "http://log.test"], anonymous.Context, Quiet(), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.StartsWith("error: --from-scratch and --entries read log entries, which needs a client", anonymous.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ServerError_ExitsOneWithTheProblemAndNoStackTrace()
    {
        _log.PublishHead();

        var exit = await RunAsync("audit", "verify", "--url", "http://log.test/elsewhere/");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Equal("error: GET http://log.test/elsewhere/.well-known/openid-configuration failed: 404 Not Found (not-found): No route /elsewhere/.well-known/openid-configuration.", _cli.Error.Trim());
        Assert.DoesNotContain("   at ", _cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_Once_PrintsTheHeadAndExitsZero()
    {
        var head = _log.PublishHead();

        var exit = await RunAsync("audit", "monitor", "--once", "--interval", "5");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains($"tree size 4, root {head.RootHash}, signature verified, first head seen", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_BadSignature_AlertsAndExitsTwo()
    {
        var head = _log.PublishHead();
        _log.LatestHead = head with { Timestamp = head.Timestamp + 1 };

        var exit = await RunAsync("audit", "monitor", "--once");

        Assert.Equal(ExitCodes.VerificationFailed, exit);
        Assert.Contains("ALERT 2030-01-01T00:00:00Z Tree head of size 4: the signed payload is not the stated tree size, root hash and timestamp.", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_IntervalZero_IsAUsageError()
    {
        var exit = await RunAsync("audit", "monitor", "--interval", "0");

        Assert.Equal(ExitCodes.Error, exit);
    }

    [Fact]
    public async Task Sth_PrintsTheLatestHeadAsJson()
    {
        var head = _log.PublishHead();

        var exit = await RunAsync("audit", "sth");

        Assert.Equal(ExitCodes.Ok, exit);
        using var printed = JsonDocument.Parse(_cli.Output);
        Assert.Equal(4, printed.RootElement.GetProperty("tree_size").GetInt64());
        Assert.Equal(head.Signature, printed.RootElement.GetProperty("signature").GetString());
    }

    [Fact]
    public async Task Sth_NoHeadYet_ExitsOne()
    {
        var exit = await RunAsync("audit", "sth");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Equal("error: The log has no signed tree head yet.", _cli.Error.Trim());
    }

    [Fact]
    public async Task AnyCommand_NoServerConfigured_ExitsOne()
    {
        var cli = new CliTestContext(_log, new Dictionary<string, string> { ["HOME"] = _folder });

        var exit = await CliProgram.RunAsync(["audit", "sth"], cli.Context, Quiet(), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.StartsWith("error: No server URL: pass --url, set MARKETPLACE_URL", cli.Error, StringComparison.Ordinal);
    }

    private Task<int> RunAsync(params string[] args) =>
        CliProgram.RunAsync(args, _cli.Context, Quiet(), TestContext.Current.CancellationToken);

    private static InvocationConfiguration Quiet() =>
        new() { ProcessTerminationTimeout = null, Output = TextWriter.Null, Error = TextWriter.Null };
}
