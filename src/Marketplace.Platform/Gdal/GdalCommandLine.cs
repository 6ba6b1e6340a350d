using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Marketplace.Platform.Gdal;

/// <summary>
/// Builds the command line of a sandboxed run: <c>[unshare --net --] prlimit &lt;limits&gt; -- tool options -if GTiff
/// input [output]</c>, after checking that the options are our own vocabulary (no paths, no /vsi, no --config).
/// </summary>
internal static partial class GdalCommandLine
{
    /// <summary>Drivers gdal_translate may write with; the input driver is always GTiff.</summary>
    private static readonly FrozenDictionary<string, string> OutputDrivers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["GTiff"] = ".tif",
        ["COG"] = ".tif",
        ["PNG"] = ".png",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ForbiddenOptions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "--config", "--optfile", "--debug", "--pause", "-if", "-sd", "--formats");

    public const string InputDriver = "GTiff";

    public static IReadOnlyList<string> Limits(string prlimit, long memoryBytes, long fileSizeBytes, long cpuSeconds) =>
    [
        prlimit,
        "--as=" + memoryBytes.ToString(CultureInfo.InvariantCulture),
        "--fsize=" + fileSizeBytes.ToString(CultureInfo.InvariantCulture),
        "--cpu=" + cpuSeconds.ToString(CultureInfo.InvariantCulture),
        "--nofile=256",
        "--core=0",
        "--",
    ];

    /// <summary>The drivers a run may load: GTiff to read, plus the one gdal_translate writes with.</summary>
    public static IReadOnlyList<string> AllowedDrivers(GdalCommand command) =>
        OutputDriver(command) is { } output ? [InputDriver, output] : [InputDriver];

    /// <exception cref="ArgumentException">The options or the output do not follow the rules above.</exception>
    public static void Check(GdalCommand command)
    {
        foreach (var argument in command.Arguments)
        {
            if (string.IsNullOrEmpty(argument)
                || argument.IndexOfAny(['/', '\\', '\0', '\n', '\r']) >= 0
                || argument.StartsWith('@')
                || ForbiddenOptions.Contains(argument))
            {
                throw new ArgumentException($"'{argument}' is not allowed on a sandboxed GDAL command line.", nameof(command));
            }
        }
        var output = OutputDriver(command);
        if (command.Tool is GdalTool.GdalTranslate or GdalTool.GdalWarp)
        {
            if (output is null || command.Output is null)
            {
                throw new ArgumentException($"{command.Tool} needs -of with GTiff, COG or PNG and an output work file.", nameof(command));
            }
            if (!command.Output.Name.EndsWith(OutputDrivers[output], StringComparison.Ordinal))
            {
                throw new ArgumentException($"A {output} output must be a {OutputDrivers[output]} work file.", nameof(command));
            }
        }
        else if (command.Output is not null || command.Arguments.Contains("-of", StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{command.Tool} writes no output file.", nameof(command));
        }
        if (command.Tool == GdalTool.GdalRasterize && (command.Arguments.Count == 0 || !VectorName().IsMatch(command.Arguments[^1])))
        {
            throw new ArgumentException("gdal_rasterize needs the generated name of a GeoJSON file in the work folder as its last option.", nameof(command));
        }
    }

    public static List<string> Compose(GdalCommand command, IReadOnlyList<string> program)
    {
        List<string> line = [.. program, .. command.Arguments];
        // gdal_rasterize has no -if; GDAL_SKIP still leaves it only GTiff among the raster drivers.
        if (command.Tool is not (GdalTool.CogValidator or GdalTool.GdalRasterize))
        {
            line.Add("-if");
            line.Add(InputDriver);
        }
        line.Add(command.Input.FullPath);
        if (command.Output is not null)
        {
            line.Add(command.Output.FullPath);
        }
        return line;
    }

    /// <summary>A vector file our own code wrote into the work folder, named like a <see cref="GdalWorkFile"/>.</summary>
    [GeneratedRegex("^[0-9a-f]{32}\\.geojson$", RegexOptions.CultureInvariant)]
    private static partial Regex VectorName();

    private static string? OutputDriver(GdalCommand command)
    {
        var index = command.Arguments.ToList().FindIndex(a => a.Equals("-of", StringComparison.OrdinalIgnoreCase));
        if (index < 0 || index + 1 >= command.Arguments.Count)
        {
            return null;
        }
        return OutputDrivers.Keys.FirstOrDefault(d => d.Equals(command.Arguments[index + 1], StringComparison.OrdinalIgnoreCase));
    }
}
