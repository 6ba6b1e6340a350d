using Marketplace.Cli.Configuration;

namespace Marketplace.UnitTests.Cli.Configuration;

public sealed class CliPathsTests
{
    [Fact]
    public void DefaultPaths_XdgVariablesSet_AreUnderThem()
    {
        var environment = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = "/xdg/config", ["XDG_STATE_HOME"] = "/xdg/state", ["HOME"] = "/home/ada" };

        Assert.Equal(Path.Combine("/xdg/config", "marketplace", "profile.json"), CliPaths.DefaultProfilePath(environment.GetValueOrDefault));
        Assert.Equal(Path.Combine("/xdg/state", "marketplace", "audit-state.json"), CliPaths.DefaultStatePath(environment.GetValueOrDefault));
        Assert.Equal(Path.Combine("/xdg/state", "marketplace", "uploads.json"), CliPaths.DefaultUploadStatePath(environment.GetValueOrDefault));
    }

    [Fact]
    public void DefaultPaths_XdgUnsetOrRelative_AreUnderHome()
    {
        var environment = new Dictionary<string, string> { ["XDG_STATE_HOME"] = "relative/state", ["HOME"] = "/home/ada" };

        Assert.Equal(Path.Combine("/home/ada", ".config", "marketplace", "profile.json"), CliPaths.DefaultProfilePath(environment.GetValueOrDefault));
        Assert.Equal(Path.Combine("/home/ada", ".local", "state", "marketplace", "audit-state.json"), CliPaths.DefaultStatePath(environment.GetValueOrDefault));
        Assert.Equal(Path.Combine("/home/ada", ".local", "state", "marketplace", "uploads.json"), CliPaths.DefaultUploadStatePath(environment.GetValueOrDefault));
    }
}
