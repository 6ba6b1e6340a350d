using Marketplace.Cli.Audit;
using Marketplace.Cli.Configuration;

namespace Marketplace.UnitTests.Cli.Audit;

public sealed class VerifiedStateFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-cli-state-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SaveThenLoad_RoundTrips_CreatingTheFolder()
    {
        var file = new VerifiedStateFile(Path.Combine(_folder, "nested", "audit-state.json"));
        var state = new VerifiedState(42, Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));

        await file.SaveAsync(state, Ct);

        Assert.Equal(state, await file.LoadAsync(Ct));
        Assert.Contains("\"tree_size\": 42", await File.ReadAllTextAsync(file.Path, Ct), StringComparison.Ordinal);
        Assert.False(File.Exists(file.Path + ".tmp"));
    }

    [Fact]
    public async Task Load_NoFile_IsNull()
    {
        Assert.Null(await new VerifiedStateFile(Path.Combine(_folder, "absent.json")).LoadAsync(Ct));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"tree_size": 3, "root_hash": "c2hvcnQ="}""")]
    [InlineData("""{"tree_size": -1, "root_hash": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}""")]
    public async Task Load_InvalidFile_FailsNamingTheFile(string content)
    {
        var path = Path.Combine(_folder, "audit-state.json");
        await File.WriteAllTextAsync(path, content, Ct);

        var error = await Assert.ThrowsAsync<CliConfigurationException>(() => new VerifiedStateFile(path).LoadAsync(Ct));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
