using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplace.IntegrationTests.Infrastructure;

namespace Marketplace.IntegrationTests.Stac;

/// <summary>
/// The STAC API's answers pass stac-node-validator (pinned by tests/stac-validation/package-lock.json and installed by
/// infra/local/test), run as a separate program, fully offline: every schema URL is mapped to
/// ../shared/stac-schemas beside the repository (one map per host folder) or to the marketplace's own extension schema
/// in catalog-schemas.
/// </summary>
/// <remarks>
/// The validator has no offline switch: it fetches any schema URL that no map covers. So every URL is mapped, and the
/// validator runs with its proxy set to a closed loopback port, so that an unmapped URL fails the validation (naming
/// the URL) instead of being fetched.
/// </remarks>
public sealed partial class StacNodeValidatorTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private const string ItemsPath = $"/collections/{CatalogApp.Collection}/items";
    private const string ValidatorRelativePath = "tests/stac-validation/node_modules/.bin/stac-node-validator";
    private const string ClosedProxy = "http://127.0.0.1:9";

    /// <summary>The host folders of ../shared/stac-schemas (its README): each maps https://host/ onto itself.</summary>
    private static readonly string[] ExpectedHostFolders = ["geojson.org", "proj.org", "schemas.stacspec.org", "stac-extensions.github.io"];

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiDocuments_AreAllValid_ForStacNodeValidator()
    {
        var validator = ValidatorPath();
        using var client = app.CreateClient();
        var files = new List<(string Name, JsonNode Document)>
        {
            ("landing-page.json", await GetAsync(client, "/")),
            ("collection.json", await GetAsync(client, $"/collections/{CatalogApp.Collection}")),
            ("item-public-03.json", await GetAsync(client, $"{ItemsPath}/public-03")),
        };
        files.AddRange(Features("search", await GetAsync(client, "/search?limit=5")));
        files.AddRange(Features("collection-items", await GetAsync(client, $"{ItemsPath}?limit=5")));

        var run = await ValidateAsync(validator, files);

        Assert.Equal("Catalog", files[0].Document["type"]?.GetValue<string>());
        Assert.Equal("Collection", files[1].Document["type"]?.GetValue<string>());
        Assert.Equal(13, files.Count);
        Assert.True(run.ExitCode == 0, $"stac-node-validator exited with code {run.ExitCode}:\n{run.Output}");
        AssertSummary(run, passed: files.Count, invalid: 0);
        foreach (var (name, document) in files)
        {
            var report = ReportOf(run, name);
            var type = document["type"]!.GetValue<string>();
            Assert.True(report.Contains($"{type}: passed", StringComparer.Ordinal),
                $"stac-node-validator does not report {name} ({type}) as passed:\n{run.Output}");
            var failed = report.Where(line => !IsPassingReportLine(line)).ToList();
            Assert.True(failed.Count == 0, $"stac-node-validator reports problems with {name}: {string.Join(" | ", failed)}\n{run.Output}");
        }
    }

    [Fact]
    public async Task ItemWithoutId_IsReportedInvalid()
    {
        var validator = ValidatorPath();
        using var client = app.CreateClient();
        var item = await GetAsync(client, $"{ItemsPath}/public-03");
        var broken = item.DeepClone().AsObject();
        Assert.True(broken.Remove("id"));

        var run = await ValidateAsync(validator, [("item-public-03.json", item), ("item-without-id.json", broken)]);

        Assert.True(run.ExitCode == 1, $"stac-node-validator exited with code {run.ExitCode}, expected 1 (an invalid file):\n{run.Output}");
        AssertSummary(run, passed: 1, invalid: 1);
        var brokenReport = ReportOf(run, "item-without-id.json");
        Assert.DoesNotContain("Feature: passed", brokenReport);
        Assert.True(brokenReport.Any(line => line.Contains("must have required property 'id'", StringComparison.Ordinal)),
            $"stac-node-validator does not name the missing 'id' of item-without-id.json:\n{run.Output}");
        Assert.Contains("Feature: passed", ReportOf(run, "item-public-03.json"));
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"GET {path} answered null");
    }

    /// <summary>Each feature of a FeatureCollection as its own file: the validator validates STAC entities.</summary>
    private static IEnumerable<(string Name, JsonNode Document)> Features(string prefix, JsonNode page)
    {
        var features = page["features"]?.AsArray() ?? throw new InvalidOperationException($"{prefix}: no \"features\" in {page.ToJsonString()}");
        Assert.Equal(5, features.Count);
        return features.Select((feature, i) => ($"{prefix}-{i}-{feature!["id"]?.GetValue<string>()}.json", feature!.DeepClone()));
    }

    private sealed record ValidatorRun(int ExitCode, string Output);

    /// <summary>Writes the documents to a temporary folder and runs the validator over them, offline.</summary>
    private static async Task<ValidatorRun> ValidateAsync(string validator, List<(string Name, JsonNode Document)> files)
    {
        var repository = StacSchemaValidator.FindRepositoryRoot();
        var folder = Directory.CreateTempSubdirectory("stac-node-validator-");
        try
        {
            foreach (var (name, document) in files)
            {
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, name),
                    document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), Ct);
            }

            var start = new ProcessStartInfo(validator)
            {
                WorkingDirectory = folder.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // The files come before --schemaMap, whose list would swallow whatever follows it.
            foreach (var (name, _) in files)
            {
                start.ArgumentList.Add(name);
            }
            start.ArgumentList.Add("--verbose");
            start.ArgumentList.Add("--schemaMap");
            foreach (var map in SchemaMaps(repository))
            {
                start.ArgumentList.Add(map);
            }
            foreach (var variable in new[] { "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy" })
            {
                start.Environment[variable] = ClosedProxy;
            }
            foreach (var variable in new[] { "NO_PROXY", "no_proxy", "npm_config_noproxy" })
            {
                start.Environment.Remove(variable);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {validator}");
            var output = process.StandardOutput.ReadToEndAsync(Ct);
            var error = process.StandardError.ReadToEndAsync(Ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(Ct);
                Assert.Fail($"stac-node-validator did not finish within {Timeout.TotalSeconds} s:\n{await output}{await error}");
            }
            return new ValidatorRun(process.ExitCode, await output + await error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// One map per host folder of the shared schemas (https://host/ → folder/host/), after the more specific maps: the
    /// validator uses the first map whose URL prefix matches. The specific ones are the PROJJSON versions the shared
    /// folder lacks (answered by v0.5, as its README prescribes) and the marketplace's own extension.
    /// </summary>
    private static List<string> SchemaMaps(string repository)
    {
        var shared = Path.GetFullPath(Path.Combine(repository, "..", "shared", "stac-schemas"));
        if (!Directory.Exists(shared))
        {
            Assert.Fail($"The offline STAC schemas are missing: expected the folder '{shared}' (../shared/stac-schemas beside the repository).");
        }
        var hosts = Directory.GetDirectories(shared).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Assert.Superset(ExpectedHostFolders.ToHashSet(), hosts.ToHashSet());

        var maps = new List<string>();
        foreach (var (url, alias) in StacSchemaValidator.Aliases)
        {
            var target = Path.Combine(shared, new Uri(alias).Host + new Uri(alias).AbsolutePath);
            Assert.True(File.Exists(target), $"The stand-in schema for {url} is missing: {target}");
            maps.Add($"{url}={target}");
        }
        var marketplace = Path.Combine(repository, "catalog-schemas", "marketplace", "v1.0.0", "schema.json");
        Assert.True(File.Exists(marketplace), $"The marketplace's extension schema is missing: {marketplace}");
        maps.Add($"{StacSchemaValidator.MarketplaceExtension}={marketplace}");
        maps.AddRange(hosts.Select(host => $"https://{host}/={Path.Combine(shared, host)}{Path.DirectorySeparatorChar}"));
        return maps;
    }

    /// <summary>The validator installed from tests/stac-validation; fails (never skips) when it is not installed.</summary>
    private static string ValidatorPath()
    {
        var path = Path.Combine(StacSchemaValidator.FindRepositoryRoot(), ValidatorRelativePath.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(path))
        {
            Assert.Fail($"stac-node-validator is not installed ({ValidatorRelativePath} is missing): run infra/local/test, " +
                "which installs it from tests/stac-validation/package-lock.json (npm ci).");
        }
        return path;
    }

    private static void AssertSummary(ValidatorRun run, int passed, int invalid)
    {
        var summary = SummaryPattern().Match(run.Output);
        Assert.True(summary.Success, $"stac-node-validator printed no summary:\n{run.Output}");
        int Count(string group) => int.Parse(summary.Groups[group].Value, CultureInfo.InvariantCulture);
        Assert.True(Count("total") == passed + invalid && Count("passed") == passed && Count("invalid") == invalid && Count("skipped") == 0,
            $"Expected {passed + invalid} files, {passed} passed, {invalid} invalid, 0 skipped; stac-node-validator reports:\n{run.Output}");
    }

    /// <summary>
    /// The lines of a file's report in the verbose output: the lines indented below the line naming the file.
    /// </summary>
    private static List<string> ReportOf(ValidatorRun run, string file)
    {
        var lines = run.Output.Split('\n');
        var start = Array.FindIndex(lines, line => line.Trim() == file);
        Assert.True(start >= 0, $"stac-node-validator does not report on {file}:\n{run.Output}");
        var indent = Indent(lines[start]);
        return lines.Skip(start + 1).TakeWhile(line => line.Trim().Length > 0 && Indent(line) > indent).Select(line => line.Trim()).ToList();
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static bool IsPassingReportLine(string line) =>
        line.StartsWith("STAC Version: ", StringComparison.Ordinal)
        || line is "Extensions" or "Extensions: None"
        || line.EndsWith(": passed", StringComparison.Ordinal);


    [GeneratedRegex(@"Summary \((?<total>\d+)\)\s+Passed: (?<passed>\d+)\s+Invalid: (?<invalid>\d+)\s+(?:Malformed: \d+\s+)?Skipped: (?<skipped>\d+)")]
    private static partial Regex SummaryPattern();
}
