using System.Collections.Frozen;
using System.Text;
using Marketplace.Cli.Configuration;

namespace Marketplace.Cli.Uploads;

/// <summary>
/// Turns the command line's files into assets. Files named with <c>--asset ROLE=FILE</c> get that role; other
/// files get the role <c>data</c>. A role used by one file is also its asset key (<c>data</c>, <c>thumbnail</c>);
/// files sharing a role are keyed by their file names without extension (<c>B04</c>, <c>B08</c>), made unique.
/// </summary>
internal static class AssetPlanner
{
    public const string DefaultRole = "data";

    /// <summary>The asset roles the marketplace accepts.</summary>
    public static readonly IReadOnlyList<string> Roles = ["data", "telemetry", "metadata", "thumbnail", "overview"];

    /// <summary>Keys the platform keeps for itself.</summary>
    private static readonly FrozenSet<string> Reserved = FrozenSet.Create(StringComparer.Ordinal, "certification");

    private const int MaxKeyLength = 100;

    /// <exception cref="CliConfigurationException">A role is unknown, a specification is malformed, a file is named twice, or there is no file.</exception>
    public static IReadOnlyList<PlannedAsset> Plan(IReadOnlyList<string> files, IReadOnlyList<string> assets)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(assets);
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in assets)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            var role = equals < 0 ? "" : spec[..equals].Trim().ToLowerInvariant();
            var file = equals < 0 ? "" : spec[(equals + 1)..].Trim();
            if (role.Length == 0 || file.Length == 0)
            {
                throw new CliConfigurationException($"--asset '{spec}' is not ROLE=FILE, e.g. --asset thumbnail=thumb.png.");
            }
            if (!Roles.Contains(role))
            {
                throw new CliConfigurationException($"--asset '{spec}': the role '{role}' is not one of {string.Join(", ", Roles)}.");
            }
            if (!roles.TryAdd(System.IO.Path.GetFullPath(file), role))
            {
                throw new CliConfigurationException($"The file {file} is given to --asset twice.");
            }
        }
        var ordered = new List<string>();
        foreach (var file in files.Select(System.IO.Path.GetFullPath).Concat(roles.Keys))
        {
            if (!ordered.Contains(file, StringComparer.Ordinal))
            {
                ordered.Add(file);
            }
        }
        if (ordered.Count == 0)
        {
            throw new CliConfigurationException("Name at least one file to upload: marketplace upload FILE... or --asset ROLE=FILE.");
        }

        var withRoles = ordered.Select(path => (Path: path, Role: roles.GetValueOrDefault(path, DefaultRole))).ToList();
        var shared = withRoles.GroupBy(a => a.Role).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(Reserved, StringComparer.Ordinal);
        var planned = new List<PlannedAsset>();
        foreach (var (path, role) in withRoles)
        {
            var wanted = shared.Contains(role) ? KeyFrom(System.IO.Path.GetFileNameWithoutExtension(path), role) : role;
            var key = wanted;
            for (var n = 2; !used.Add(key); n++)
            {
                key = $"{wanted[..Math.Min(wanted.Length, MaxKeyLength - 6)]}-{n}";
            }
            planned.Add(new PlannedAsset(path, key, role));
        }
        return planned;
    }

    /// <summary>Asset keys are 1 to 100 letters, digits, '.', '_' or '-': other characters become '-'.</summary>
    private static string KeyFrom(string stem, string fallback)
    {
        var key = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            key.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }
        var text = key.ToString().Trim('-');
        return text.Length == 0 ? fallback : text[..Math.Min(text.Length, MaxKeyLength)];
    }
}
