namespace Marketplace.Cli.Configuration;

/// <summary>
/// Where the CLI keeps its files, after the XDG Base Directory Specification: the profile under
/// <c>$XDG_CONFIG_HOME</c> (else <c>~/.config</c>), the audit state under <c>$XDG_STATE_HOME</c> (else
/// <c>~/.local/state</c>), and the upload resume state beside it. Relative XDG values are ignored, as the
/// specification requires.
/// </summary>
internal static class CliPaths
{
    /// <summary>The demo world file the run command writes, relative to the working directory.</summary>
    public static readonly string DefaultDemoPath = Path.Combine(".local", "demo.json");

    public static string DefaultProfilePath(Func<string, string?> environment) =>
        Path.Combine(BaseDirectory(environment, "XDG_CONFIG_HOME", ".config"), "marketplace", "profile.json");

    public static string DefaultStatePath(Func<string, string?> environment) =>
        Path.Combine(BaseDirectory(environment, "XDG_STATE_HOME", Path.Combine(".local", "state")), "marketplace", "audit-state.json");

    /// <summary>The resume state of uploads: <c>$XDG_STATE_HOME/marketplace/uploads.json</c> or <c>~/.local/state/marketplace/uploads.json</c>.</summary>
    public static string DefaultUploadStatePath(Func<string, string?> environment) =>
        Path.Combine(BaseDirectory(environment, "XDG_STATE_HOME", Path.Combine(".local", "state")), "marketplace", "uploads.json");

    private static string BaseDirectory(Func<string, string?> environment, string variable, string underHome)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(variable) is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return xdg;
        }
        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, underHome);
    }
}
