using Marketplace.Cli.Audit;
using Marketplace.Cli.Http;

namespace Marketplace.UnitTests.Cli.Audit;

public sealed class AuditMonitorTests : IDisposable
{
    private static readonly AuditMonitorOptions Once = new() { Once = true };

    private readonly FakeAuditLog _log = new(entries: 5);
    private readonly HttpClient _http;
    private readonly StringWriter _output = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-cli-monitor-").FullName;
    private readonly AuditMonitor _monitor;
    private readonly VerifiedStateFile _state;

    public AuditMonitorTests()
    {
        _http = new HttpClient(_log.CreateHandler()) { BaseAddress = FakeAuditLog.BaseUrl };
        var clock = new ManualClock(_log.Now);
        _state = new VerifiedStateFile(Path.Combine(_folder, "audit-state.json"));
        _monitor = new AuditMonitor(new AuditVerifier(new MarketplaceApi(_http, clock)), _state, clock, CliTestContext.CreateConsole(_output));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _http.Dispose();
        _log.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Run_NewConsistentHead_PrintsOneLineAndSavesIt()
    {
        var first = _log.PublishHead();
        _log.Append(5);
        var second = _log.PublishHead();

        var quiet = await _monitor.RunAsync(new VerifiedState(first.TreeSize, first.RootHash), Once, Ct);

        Assert.True(quiet);
        Assert.Equal($"2030-01-01T00:00:00Z tree size 6, root {second.RootHash}, consistent with 5", _output.ToString().Trim());
        Assert.Equal(new VerifiedState(6, second.RootHash), await _state.LoadAsync(Ct));
    }

    [Fact]
    public async Task Run_FirstHeadSeen_SaysSo()
    {
        _log.PublishHead();

        Assert.True(await _monitor.RunAsync(null, Once, Ct));

        Assert.EndsWith("tree size 5, root " + _log.LatestHead!.RootHash + ", signature verified, first head seen", _output.ToString().Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoHeadYet_WaitsQuietly()
    {
        Assert.True(await _monitor.RunAsync(null, Once, Ct));

        Assert.EndsWith("the log has no signed tree head yet", _output.ToString().Trim(), StringComparison.Ordinal);
        Assert.Null(await _state.LoadAsync(Ct));
    }

    [Fact]
    public async Task Run_InconsistentHead_PrintsAnAlertAndKeepsTheState()
    {
        var first = _log.PublishHead();
        var verified = new VerifiedState(first.TreeSize, first.RootHash);
        await _state.SaveAsync(verified, Ct);
        _log.Rewrite(1, "history rewritten");
        _log.Append(5);
        _log.PublishHead();

        var quiet = await _monitor.RunAsync(verified, Once, Ct);

        Assert.False(quiet);
        Assert.StartsWith("ALERT 2030-01-01T00:00:00Z The consistency proof from tree size 5", _output.ToString().Trim(), StringComparison.Ordinal);
        Assert.Equal(verified, await _state.LoadAsync(Ct));
    }

    [Fact]
    public async Task Run_Cancelled_StopsQuietly()
    {
        _log.PublishHead();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        var quiet = await _monitor.RunAsync(null, new AuditMonitorOptions { IntervalSeconds = 3600 }, cancellation.Token);

        Assert.True(quiet);
    }
}
