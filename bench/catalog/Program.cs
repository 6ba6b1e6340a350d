using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Bench.Catalog;
using Marketplace.Catalog;
using Marketplace.Catalog.Collections;
using Marketplace.Catalog.Ingest;
using Marketplace.Catalog.Persistence;
using Marketplace.Catalog.Search;
using Marketplace.Catalog.Visibility;
using Marketplace.Platform;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Outcomes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

// Catalog benchmark: a generated STAC data set bulk-loaded through the catalog's loader, then item search through
// the real API host (Release, Kestrel, loopback) against the very same SQL run directly. Prints every figure with
// its target and ratio; exit code 0 when every target is met, 2 when one is missed, 1 on error.
var options = BenchOptions.Parse(args);
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cts.Cancel(); });
var ct = cts.Token;
var targets = new List<(string Name, bool Met)>();

Console.WriteLine($"Catalog benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Machine.Describe()}, load average {Machine.LoadAverage()} at start");
var dataDirectory = Path.Combine(options.Repo, ".local", "bench", "catalog");
var data = await StacItemGenerator.EnsureAsync(dataDirectory, options.Items, options.Seed, ct);
var dataSize = new FileInfo(data.ItemsPath).Length;
Report($"data set: {data.Count:N0} STAC 1.1 items, 4 collections, seed {data.Seed}",
    data.Reused ? $"{StacItemGenerator.Size(dataSize)}, reused" : $"{StacItemGenerator.Size(dataSize)}, generated in {data.GeneratedIn.TotalSeconds:N1} s", null);
Console.WriteLine($"    items:       {Path.GetRelativePath(options.Repo, data.ItemsPath)}");
Console.WriteLine($"    collections: {Path.GetRelativePath(options.Repo, Path.GetDirectoryName(data.CollectionPaths[0])!)}/*.json");
if (options.GenerateOnly)
{
    return 0;
}

var admin = Environment.GetEnvironmentVariable("MARKETPLACE_PG_ADMIN") ?? throw new InvalidOperationException("Source .local/stack.env first.");
const string database = "marketplace_bench_catalog";
var appDirectory = Path.Combine(options.Repo, "artifacts", "bin", "Marketplace.Api", "release");
var log = Path.Combine(dataDirectory, "api.log");
File.Delete(log);
ApiHost? api = null;
try
{
    await BenchDatabase.RecreateAsync(admin, database, ct);
    var connection = BenchDatabase.For(Environment.GetEnvironmentVariable("ConnectionStrings__Marketplace")!, database);
    var owner = BenchDatabase.For(Environment.GetEnvironmentVariable("ConnectionStrings__MarketplaceOwner")!, database);
    var baseAddress = new Uri($"http://127.0.0.1:{ApiHost.FreePort()}/");
    var settings = ApiHost.Settings(connection, owner, baseAddress);
    var clock = Stopwatch.StartNew();
    await ApiHost.MigrateAsync(appDirectory, settings, log, ct);
    var migrated = clock.Elapsed;

    // The catalog's services in-process, on the API's own settings file, for the loader and the direct SQL.
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = appDirectory, Args = [] });
    builder.Configuration["ConnectionStrings:Marketplace"] = connection;
    builder.Configuration["ConnectionStrings:MarketplaceOwner"] = owner;
    builder.Configuration["Hosting:Roles"] = "api";
    builder.Configuration["Logging:LogLevel:Default"] = "Warning";
    builder.AddPlatform();
    builder.AddCatalog();
    using var host = builder.Build();
    var services = host.Services;
    var dataSource = services.GetRequiredService<NpgsqlDataSource>();
    Console.WriteLine($"PostgreSQL {await BenchDatabase.SettingsAsync(dataSource, ct)}; database {database} (created by this run, dropped at its end)");
    Console.WriteLine();

    // 1. Ingest through the real bulk path.
    Console.WriteLine("Ingest");
    Report("migrate (host binary, every module)", $"{migrated.TotalSeconds:N1} s", null);
    clock.Restart();
    foreach (var path in data.CollectionPaths)
    {
        await using var scope = services.CreateAsyncScope();
        var document = JsonNode.Parse(await File.ReadAllTextAsync(path, ct))!.AsObject();
        if (await scope.ServiceProvider.GetRequiredService<UpsertCollection>().HandleAsync(document, null, ct) is not Outcome<CollectionRecord>.Ok)
        {
            throw new InvalidOperationException($"The collection {Path.GetFileName(path)} was refused.");
        }
    }
    Report($"collections (UpsertCollection)", $"{data.CollectionPaths.Count} in {clock.Elapsed.TotalMilliseconds:N0} ms", null);
    clock.Restart();
    LoadResult loaded;
    await using (var input = new FileStream(data.ItemsPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
    {
        loaded = await services.GetRequiredService<LoadItems>().HandleAsync(input, new LoadOptions("public", true, null), ct);
    }
    var loadSeconds = clock.Elapsed.TotalSeconds;
    foreach (var error in loaded.Errors.Take(5))
    {
        Console.WriteLine($"    line {error.Line}: {error.Message}");
    }
    if (loaded.Errors.Count > 0 || loaded.Loaded != data.Count)
    {
        throw new InvalidOperationException($"{loaded.Errors.Count} lines were refused and {loaded.Loaded:N0} of {data.Count:N0} items loaded.");
    }
    var ingestRate = loaded.Loaded / loadSeconds;
    Report("items (LoadItems: parse, validate, binary COPY, upsert)", $"{loaded.Loaded:N0} in {loadSeconds:N1} s = {ingestRate:N0} items/s ({dataSize / loadSeconds / (1 << 20):N1} MiB/s)",
        Target("ingest rate", ingestRate, 10_000, higherIsBetter: true, "/s"));
    clock.Restart();
    await BenchDatabase.ExecuteInAsync(admin, database, "VACUUM (ANALYZE) catalog.items", ct);
    var vacuumed = clock.Elapsed;
    clock.Restart();
    await BenchDatabase.ExecuteInAsync(admin, database, "CHECKPOINT", ct);
    Report("then VACUUM (ANALYZE) catalog.items, CHECKPOINT", $"{vacuumed.TotalSeconds:N1} s, {clock.Elapsed.TotalSeconds:N1} s", null);
    Report("stored", await BenchDatabase.SizeAsync(dataSource, ct), null);
    Console.WriteLine();

    // 2. The real API.
    api = await ApiHost.StartAsync(appDirectory, settings, baseAddress, log, ct);
    using var http = new HttpClient(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.GZip,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = 64,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
    var viewer = CatalogViewer.For(null, services.GetRequiredService<GradeScale>());
    var sql = new SqlSearch(dataSource, services.GetRequiredService<ItemConditions>(), viewer);
    await CheckSameResultsAsync(http, sql, services.GetRequiredService<SearchItems>(), ct);

    var seconds = TimeSpan.FromSeconds(options.Seconds);
    var warmup = TimeSpan.FromSeconds(Math.Min(3, Math.Max(1, options.Seconds / 5.0)));
    Console.WriteLine($"Search — API host pid {api.ProcessId} (Release, Kestrel on loopback, roles api, Production settings, anonymous caller);");
    Console.WriteLine($"  client: HttpClient accepting gzip; limit {QueryMix.Limit}; random searches from fixed seeds; {warmup.TotalSeconds:N0} s warm-up, then {seconds.TotalSeconds:N0} s per run;");
    Console.WriteLine("  'SQL' = the same searches, same SQL (ItemConditions + SqlQuery), same data source settings, run directly through Npgsql.");
    var conformance = await http.GetStringAsync(new Uri("/conformance", UriKind.Relative), ct);
    var hasFreeText = conformance.Contains("item-search#free-text", StringComparison.Ordinal);
    var scenarios = new List<(string Name, Func<Random, SearchCase> Make, bool Sql)>
    {
        ("(a) bbox + datetime + collection, datetime desc", QueryMix.BboxDatetimeCollection, true),
        ("(b) POST intersects polygon + cql2-json eo:cloud_cover <= x", QueryMix.IntersectsCloudCover, true),
    };
    if (hasFreeText)
    {
        scenarios.Add(("(c) free text: q=<one term> (title, description, platform, keywords)", QueryMix.FreeText, false));
    }
    else
    {
        Console.WriteLine();
        Console.WriteLine("  (c) free text: skipped, the API does not advertise the free-text extension (q); see (c') instead");
    }
    scenarios.Add(("(c') CQL2 stand-in for free text: platform LIKE '%word%'", QueryMix.PlatformLike, false));
    var index = 0;
    Dictionary<string, long>? last = null;
    foreach (var (name, make, withSql) in scenarios)
    {
        Console.WriteLine();
        Console.WriteLine("  " + name);
        foreach (var concurrency in new[] { 1, 8 })
        {
            var seed = options.Seed + 100 * index + concurrency;
            var before = withSql ? last ?? await IndexUsage.SnapshotAsync(dataSource, ct) : null;
            last = null;
            var viaApi = await Latency.RunAsync(concurrency, seed, warmup, seconds, null, ApiOperation(http, make), ct);
            Report($"API, concurrency {concurrency}", viaApi.Summary, null);
            if (withSql)
            {
                var between = await IndexUsage.SnapshotAsync(dataSource, ct);
                var direct = await Latency.RunAsync(concurrency, seed, warmup, seconds, viaApi.PerWorker, SqlOperation(sql, make), ct);
                var after = last = await IndexUsage.SnapshotAsync(dataSource, ct);
                Report($"SQL, concurrency {concurrency} (same {direct.Count:N0} searches)", direct.Summary, null);
                // Warm-up searches use the same plans: they are counted on both sides.
                Report("  index scans per search, API", IndexUsage.PerSearch(before!, between, viaApi.Count + viaApi.WarmupCount), null);
                Report("  index scans per search, SQL", IndexUsage.PerSearch(between, after, direct.Count + direct.WarmupCount), null);
                Report($"API/SQL p50, concurrency {concurrency}", $"{viaApi.P50 / direct.P50:0.00}",
                    Target($"{name[..3]} API/SQL p50 at concurrency {concurrency}", viaApi.P50 / direct.P50, 1.3, higherIsBetter: false, "×"));
            }
        }
        index++;
    }

    Console.WriteLine();
    Console.WriteLine("  (d) paging: page 1 to page 100 through the next links (GET, limit 100; one collection, 2 years, no bbox)");
    var paging = await PagingAsync(http, options.Seed + 400, seconds, ct);
    Report("walks", $"{paging.Walks}: {paging.Walks - paging.Failed.Count - paging.TooShort - paging.Stopped} reached page 100, {paging.Failed.Count} ended by the search timeout (503)"
        + (paging.Failed.Count > 0 ? $" at pages {string.Join(", ", paging.Failed)}" : "") + (paging.TooShort > 0 ? $", {paging.TooShort} had fewer pages" : "")
        + (paging.Stopped > 0 ? $", {paging.Stopped} stopped at the time limit" : ""), null);
    if (paging.Page100.Count > 0 && paging.Page1.Count > 0)
    {
        var ratio = Median(paging.Page100) / Median(paging.Page1);
        Report($"page 1 ({paging.Page1.Count} fetches)", $"p50 {Median(paging.Page1):N2} ms, max {paging.Page1.Max():N2} ms", null);
        Report($"pages 2–99 ({paging.Middle.Count} fetches)", $"p50 {Median(paging.Middle):N2} ms, p95 {Percentile(paging.Middle, 0.95):N2} ms, max {paging.Middle.DefaultIfEmpty(double.NaN).Max():N2} ms", null);
        Report($"page 100 ({paging.Page100.Count} fetches)", $"p50 {Median(paging.Page100):N2} ms, max {paging.Page100.Max():N2} ms", null);
        Report("page 100 / page 1 (p50)" + (paging.Failed.Count > 0 ? "; walks failed, so missed" : ""), $"{ratio:0.00}",
            Target("(d) page 100 vs page 1", ratio, 1.5, higherIsBetter: false, "×", missed: paging.Failed.Count > 0));
    }
    else
    {
        Report("page 100", $"not reached (deepest page {paging.Deepest})", "target not measured, counted as missed");
        targets.Add(("(d) page 100 vs page 1", false));
    }

    Console.WriteLine();
    Console.WriteLine("  (d') page 1 of a continent-size bbox + one collection + 2 years (same statement as (a); 6 searches, no target)");
    var large = await Latency.RunAsync(1, options.Seed + 450, TimeSpan.Zero, TimeSpan.Zero, [6], ApiOperation(http, QueryMix.LargeRegion), ct);
    Report("API, concurrency 1", large.Summary, null);
    var largeSql = await Latency.RunAsync(1, options.Seed + 450, TimeSpan.Zero, TimeSpan.Zero, [6], SqlOperation(sql, QueryMix.LargeRegion), ct);
    Report("SQL, concurrency 1 (no search timeout)", largeSql.Summary, null);

    Console.WriteLine();
    await AggregationAsync(http, options.Seed + 500, warmup, seconds, ct);

    if (options.Explain)
    {
        Console.WriteLine();
        Console.WriteLine("Plans (EXPLAIN ANALYZE, BUFFERS; parameters bound as the API binds them)");
        foreach (var (name, make, _) in scenarios)
        {
            var sample = sql.Build(make(new Random(options.Seed + 900)).Raw);
            Console.WriteLine($"  {name}: {sample.Text.ToString()[(sample.Text.ToString().IndexOf(" WHERE", StringComparison.Ordinal))..]}");
            Console.WriteLine(await sql.ExplainAsync(sample, ct));
        }
        var pages = new List<(string Name, SearchParameters.Raw Raw)>();
        if (paging.LastPage100Url is { } page100)
        {
            pages.Add(("(d) page 100", QueryMix.FromQueryString(page100)));
        }
        if (paging.LastFailedUrl is { } failed)
        {
            pages.Add(("(d) a page that ran into the search timeout", QueryMix.FromQueryString(failed)));
        }
        pages.Add(("(d') continent-size bbox, page 1", QueryMix.LargeRegion(new Random(options.Seed + 450)).Raw));
        foreach (var (name, raw) in pages)
        {
            var sample = sql.Build(raw);
            Console.WriteLine($"  {name}: {sample.Text.ToString()[sample.Text.ToString().IndexOf(" WHERE", StringComparison.Ordinal)..]}");
            Console.WriteLine(await sql.ExplainAsync(sample, ct));
        }
        var random = new Random(options.Seed + 950);
        var (generic, custom) = await sql.PlanCacheAsync(Enumerable.Range(0, 20).Select(_ => sql.Build(QueryMix.BboxDatetimeCollection(random).Raw)).ToList(), ct);
        Console.WriteLine($"  The (a) statement on one pooled connection of the app's data source (auto-prepared), after 20 more (a) searches:");
        Console.WriteLine($"  {generic:N0} executions on the generic plan, {custom:N0} on custom plans (pg_prepared_statements).");
    }

    Console.WriteLine();
    var missed = targets.Where(t => !t.Met).Select(t => t.Name).ToList();
    Console.WriteLine(missed.Count == 0 ? $"All {targets.Count} targets met." : $"{missed.Count} of {targets.Count} targets missed: {string.Join("; ", missed)}.");
    return missed.Count == 0 ? 0 : 2;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted.");
    return 1;
}
catch (Exception ex) when (ex is InvalidOperationException or NpgsqlException or HttpRequestException or IOException)
{
    Console.Error.WriteLine($"The benchmark failed: {ex.Message}");
    return 1;
}
finally
{
    if (api is not null)
    {
        api.Stop();
        Console.WriteLine($"Stopped the API (pid {api.ProcessId}); its log: {Path.GetRelativePath(options.Repo, log)}");
    }
    if (options.KeepDatabase)
    {
        Console.WriteLine($"Kept the database {database} (--keep-database); drop it with: DROP DATABASE {database} WITH (FORCE)");
    }
    else
    {
        try
        {
            await BenchDatabase.DropAsync(admin, database, CancellationToken.None);
            Console.WriteLine($"Dropped the database {database}.");
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine($"Could not drop the database {database} ({ex.Message}); the next run drops it, or: DROP DATABASE {database} WITH (FORCE)");
        }
    }
}

// One search through the API: the request is built first, then only sending it and reading the whole body is timed.
static Latency.Operation ApiOperation(HttpClient http, Func<Random, SearchCase> make) => async (random, ct) =>
{
    var search = make(random);
    using var request = new HttpRequestMessage(search.Method, search.PathAndQuery);
    if (search.Body is not null)
    {
        request.Content = new StringContent(search.Body, Encoding.UTF8, "application/json");
    }
    var started = Stopwatch.GetTimestamp();
    using var response = await http.SendAsync(request, ct);
    var body = await response.Content.ReadAsByteArrayAsync(ct);
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
    {
        return (elapsed, -1); // the API's search timeout: what the client saw, counted apart
    }
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{search.Method} {search.PathAndQuery} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 500)))}");
    }
    return (elapsed, NumberReturned(body));
};

// The same search directly: built outside the timer, then executing it and reading every row is timed.
static Latency.Operation SqlOperation(SqlSearch sql, Func<Random, SearchCase> make) => async (random, ct) =>
{
    var query = sql.Build(make(random).Raw);
    var started = Stopwatch.GetTimestamp();
    var ids = await sql.RunAsync(query, ct);
    return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, ids.Count);
};

// numberReturned is the last member of a search response; no need to parse the whole page to find it.
static int NumberReturned(byte[] body)
{
    var at = body.AsSpan().LastIndexOf("\"numberReturned\":"u8);
    if (at < 0)
    {
        return 0;
    }
    var rest = body.AsSpan(at + "\"numberReturned\":"u8.Length);
    var value = 0;
    foreach (var b in rest)
    {
        if (b is < (byte)'0' or > (byte)'9')
        {
            break;
        }
        value = value * 10 + (b - '0');
    }
    return value;
}

// Before timing anything: the API and the direct SQL must return the same items in the same order.
static async Task CheckSameResultsAsync(HttpClient http, SqlSearch sql, SearchItems searchItems, CancellationToken ct)
{
    var random = new Random(7);
    var nonEmpty = 0;
    var sameText = 0;
    for (var i = 0; i < 20; i++)
    {
        var search = i % 2 == 0 ? QueryMix.BboxDatetimeCollection(random) : QueryMix.IntersectsCloudCover(random);
        using var request = new HttpRequestMessage(search.Method, search.PathAndQuery);
        if (search.Body is not null)
        {
            request.Content = new StringContent(search.Body, Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        using var page = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var viaApi = page.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();
        var direct = await sql.RunAsync(sql.Build(search.Raw), ct);
        if (!viaApi.SequenceEqual(direct))
        {
            throw new InvalidOperationException($"The direct SQL and the API disagree on {search.PathAndQuery} {search.Body}: {viaApi.Count} vs {direct.Count} items.");
        }
        nonEmpty += viaApi.Count > 0 ? 1 : 0;
        var text = await sql.ApiSqlAsync(searchItems, search.Raw, ct);
        if (text is not null && text != sql.Build(search.Raw).Text.ToString())
        {
            throw new InvalidOperationException($"SearchItems sends other SQL than the benchmark's direct query:\n{text}\nvs\n{sql.Build(search.Raw).Text}");
        }
        sameText += text is null ? 0 : 1;
    }
    Console.WriteLine($"Checked: the API and the direct SQL return the same items in the same order for 20 searches ({nonEmpty} non-empty),");
    Console.WriteLine($"  and SearchItems sends the very same SQL text ({sameText} of 20 compared through Npgsql's tracing).");
    Console.WriteLine();
}

// Walks from page 1 to page 100 through the next links while the time lasts (at least 2 complete walks if they fit
// in 3× the time; a walk still going at 4× the time is stopped). Each page's first fetch is timed; after a complete walk its page 1 and page 100 are fetched twice
// more each, alternately, for steadier medians. A page that runs into the API's search timeout (503) ends its walk,
// which counts as failed.
static async Task<Paging> PagingAsync(HttpClient http, int seed, TimeSpan duration, CancellationToken ct)
{
    var random = new Random(seed);
    var result = new Paging();
    async Task<(double Milliseconds, HttpStatusCode Status, byte[] Body)> FetchAsync(string url)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute), ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
        {
            response.EnsureSuccessStatusCode();
        }
        return (elapsed, response.StatusCode, body);
    }
    await FetchAsync(QueryMix.Paging(new Random(seed + 1)).PathAndQuery); // warm-up
    var clock = Stopwatch.StartNew();
    var complete = 0;
    while (clock.Elapsed < duration || (complete < 2 && clock.Elapsed < 3 * duration))
    {
        string? url = QueryMix.Paging(random).PathAndQuery;
        var first = url;
        var page = 0;
        result.Walks++;
        while (url is not null && page < 100)
        {
            if (clock.Elapsed > 4 * duration)
            {
                result.Stopped++;
                break;
            }
            page++;
            var (elapsed, status, body) = await FetchAsync(url);
            (page == 1 ? result.Page1 : page == 100 ? result.Page100 : result.Middle).Add(elapsed);
            if (status == HttpStatusCode.ServiceUnavailable)
            {
                result.Failed.Add(page);
                result.LastFailedUrl = url;
                break;
            }
            if (page == 100)
            {
                result.LastPage100Url = url;
                complete++;
                for (var again = 0; again < 2; again++)
                {
                    result.Page1.Add((await FetchAsync(first)).Milliseconds);
                    result.Page100.Add((await FetchAsync(url)).Milliseconds);
                }
                break;
            }
            using var document = JsonDocument.Parse(body);
            url = document.RootElement.GetProperty("links").EnumerateArray()
                .FirstOrDefault(l => l.GetProperty("rel").GetString() == "next") is { ValueKind: JsonValueKind.Object } next
                ? next.GetProperty("href").GetString()
                : null;
        }
        result.Deepest = Math.Max(result.Deepest, page);
        if (page < 100 && url is null)
        {
            result.TooShort++;
        }
    }
    return result;
}

// (e) Aggregation, when the API has it: the (a) searches against /aggregate. No target.
static async Task AggregationAsync(HttpClient http, int seed, TimeSpan warmup, TimeSpan duration, CancellationToken ct)
{
    Console.WriteLine("  (e) aggregation");
    var conformance = await http.GetStringAsync(new Uri("/conformance", UriKind.Relative), ct);
    var advertised = conformance.Contains("aggregation", StringComparison.OrdinalIgnoreCase);
    using (var probe = await http.GetAsync(new Uri("/aggregate?aggregations=total_count", UriKind.Relative), ct))
    {
        if (probe.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && !advertised)
        {
            Report("skipped", "the API has no /aggregate yet (404, no aggregation conformance class)", null);
            return;
        }
    }
    var names = new List<string>();
    using (var listing = await http.GetAsync(new Uri("/aggregations", UriKind.Relative), ct))
    {
        if (listing.IsSuccessStatusCode && JsonNode.Parse(await listing.Content.ReadAsStringAsync(ct))?["aggregations"] is JsonArray available)
        {
            names.AddRange(available.Select(a => a?["name"]?.GetValue<string>()).OfType<string>());
        }
    }
    string[] preferred = ["total_count", "datetime_frequency", "cloud_cover_frequency", "platform_frequency", "collection_frequency"];
    var chosen = names.Count == 0 ? ["total_count"] : preferred.Where(names.Contains).DefaultIfEmpty(names[0]).ToList();
    var aggregations = string.Join(',', chosen);
    SearchCase Make(Random random)
    {
        var search = QueryMix.BboxDatetimeCollection(random);
        var path = search.PathAndQuery.Replace("/search?", "/aggregate?", StringComparison.Ordinal).Replace($"&limit={QueryMix.Limit}", "", StringComparison.Ordinal);
        return search with { PathAndQuery = $"{path}&aggregations={aggregations}" };
    }
    var first = Make(new Random(seed));
    using (var check = await http.GetAsync(new Uri(first.PathAndQuery, UriKind.Relative), ct))
    {
        if (!check.IsSuccessStatusCode)
        {
            Report("skipped", $"GET {first.PathAndQuery[..first.PathAndQuery.IndexOf('?', StringComparison.Ordinal)]}?… answered {(int)check.StatusCode}; /aggregate exists but not in the form measured here", null);
            return;
        }
    }
    Console.WriteLine($"    GET /aggregate with the (a) searches and aggregations={aggregations} (no target)");
    foreach (var concurrency in new[] { 1, 8 })
    {
        var run = await Latency.RunAsync(concurrency, seed + concurrency, warmup, duration, null, ApiOperation(http, Make), ct);
        Report($"API, concurrency {concurrency}", run.Summary.Replace(" items/page", " items", StringComparison.Ordinal), null);
    }
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p) =>
    values.Count == 0 ? double.NaN : values.Order().ElementAt(Math.Min(values.Count - 1, Math.Max(0, (int)Math.Ceiling(p * values.Count) - 1)));

// A figure against its target; "missed" forces a miss (e.g. pages that could not be fetched at all).
string Target(string name, double value, double target, bool higherIsBetter, string unit, bool missed = false)
{
    var met = !missed && (higherIsBetter ? value >= target : value <= target);
    targets.Add((name, met));
    return string.Create(CultureInfo.InvariantCulture,
        $"target {(higherIsBetter ? "≥" : "≤")} {target:#,0.##}{unit} → {value / target:0.00}× the target, {(met ? "met" : "MISSED")}");
}

static void Report(string what, string figure, string? ratio) =>
    Console.WriteLine($"    {what,-60} {figure}{(ratio is null ? "" : "   [" + ratio + "]")}");

/// <summary>What the paging walks saw: latencies of the first, middle and 100th pages, and the walks the timeout ended.</summary>
internal sealed class Paging
{
    public List<double> Page1 { get; } = [];

    public List<double> Middle { get; } = [];

    public List<double> Page100 { get; } = [];

    public List<int> Failed { get; } = [];

    public int Walks { get; set; }

    public int TooShort { get; set; }

    public int Stopped { get; set; }

    public int Deepest { get; set; }

    public string? LastPage100Url { get; set; }

    public string? LastFailedUrl { get; set; }
}

/// <summary>The command line: --items N --seconds S --seed N --generate-only --explain --keep-database --repo DIR.</summary>
internal sealed record BenchOptions(int Items, int Seconds, int Seed, bool GenerateOnly, bool Explain, bool KeepDatabase, string Repo)
{
    public static BenchOptions Parse(string[] args)
    {
        int Number(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;
        }
        var repo = Array.IndexOf(args, "--repo") is var r and >= 0 && r + 1 < args.Length ? args[r + 1] : Directory.GetCurrentDirectory();
        return new BenchOptions(Number("--items", 1_000_000), Number("--seconds", 20), Number("--seed", 42),
            args.Contains("--generate-only"), args.Contains("--explain"), args.Contains("--keep-database"), Path.GetFullPath(repo));
    }
}
