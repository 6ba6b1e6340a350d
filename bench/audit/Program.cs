using System.Diagnostics;
using System.Globalization;
using Marketplace.Bench.Audit;
using Marketplace.Platform;
using Marketplace.Platform.Audit;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Audit.Sequencing;
using Marketplace.Platform.Audit.TreeHeads;
using Marketplace.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

// Audit log benchmark: append throughput through the application's write path, inclusion proofs at 10 million
// entries, and full verification of 1 million entries. Prints figures and their ratio to the targets.
var appends = Arg(args, "--appends", 20_000);
var writers = Arg(args, "--writers", 16);
var bigLog = Arg(args, "--entries", 10_000_000);
var verifyCount = Arg(args, "--verify", 1_000_000);
var proofs = Arg(args, "--proofs", 2_000);
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
var ct = cts.Token;

var admin = Environment.GetEnvironmentVariable("MARKETPLACE_PG_ADMIN") ?? throw new InvalidOperationException("Source .local/stack.env first.");
var database = "marketplace_bench_audit";
await BenchDatabase.RecreateAsync(admin, database, ct);

var builder = Host.CreateApplicationBuilder();
builder.Configuration["ConnectionStrings:Marketplace"] = BenchDatabase.For(Environment.GetEnvironmentVariable("ConnectionStrings__Marketplace")!, database);
builder.Configuration["ConnectionStrings:MarketplaceOwner"] = BenchDatabase.For(Environment.GetEnvironmentVariable("ConnectionStrings__MarketplaceOwner")!, database);
builder.Configuration["Hosting:Roles"] = "api";
builder.Configuration["Logging:LogLevel:Default"] = "Warning";
builder.AddPlatform();
using var host = builder.Build();
var services = host.Services;
await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
var dataSource = services.GetRequiredService<NpgsqlDataSource>();

Console.WriteLine($"Audit log benchmark — {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, PostgreSQL {await BenchDatabase.SettingsAsync(dataSource, ct)}");
Console.WriteLine();

// 1. Appends through IAuditTrail (one transaction each: INSERT into the outbox + NOTIFY) while the sequencer runs.
var trail = services.GetRequiredService<IAuditTrail>();
var sequencer = services.GetRequiredService<AuditSequencer>();
var recorded = 0;
var clock = Stopwatch.StartNew();
using var sequencing = new CancellationTokenSource();
var sequencerTask = Task.Run(async () =>
{
    long total = 0;
    while (total < appends && !ct.IsCancellationRequested)
    {
        var added = await sequencer.SequenceAsync(ct);
        total += added;
        if (added == 0)
        {
            await Task.Delay(5, ct);
        }
    }
    return clock.Elapsed;
}, ct);
await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
{
    var organization = Guid.NewGuid();
    while (Interlocked.Increment(ref recorded) <= appends)
    {
        await trail.RecordAsync(new AuditEvent("download-link.issued", new AuditActor("client", "bench-client", organization),
            [$"item:{Guid.NewGuid()}"], [organization], Decision: "allow", PolicyVersion: "policy-7"), ct);
    }
}, ct)));
var recordedIn = clock.Elapsed;
var sequencedIn = await sequencerTask;
var appendRate = appends / sequencedIn.TotalSeconds;
Report($"appends recorded ({writers} writers, own transaction each)", $"{appends / recordedIn.TotalSeconds:N0}/s", null);
Report("appends recorded and sequenced into the tree", $"{appendRate:N0}/s", $"target ≥ 2,000/s → {appendRate / 2000:0.00}× the target");

// 2. A log of 10 million entries (bulk-loaded in the sequencer's format), then inclusion proofs against it.
Console.WriteLine();
Console.WriteLine($"Building a log of {bigLog:N0} entries ...");
clock.Restart();
var (roots, size) = await BulkLog.LoadAsync(dataSource, appends, bigLog, [verifyCount, bigLog], ct);
Report($"bulk load to {size:N0} entries", $"{clock.Elapsed.TotalSeconds:N1} s", $"{(size - appends) / clock.Elapsed.TotalSeconds:N0} entries/s");
var signer = services.GetRequiredService<TreeHeadSigner>();
var reader = services.GetRequiredService<AuditLogReader>();
var random = new Random(42);
var proofTimes = new List<double>(proofs);
var rootAtBig = roots[bigLog];
for (var i = 0; i < 100; i++)
{
    await reader.InclusionProofAsync(random.NextInt64(size), size, ct); // warm-up: connections, prepared statements
}
for (var i = 0; i < proofs; i++)
{
    var leafIndex = random.NextInt64(size);
    var started = Stopwatch.GetTimestamp();
    var path = await reader.InclusionProofAsync(leafIndex, size, ct);
    proofTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    if (i < 50)
    {
        var leafHash = (await reader.EntriesAsync(leafIndex, leafIndex + 1, null, ct)).Select(e => MerkleHash.LeafHash(e.Entry)).Single();
        if (!MerkleProofVerifier.VerifyInclusion(leafIndex, size, leafHash, path.ToList(), rootAtBig))
        {
            throw new InvalidOperationException($"The inclusion proof of leaf {leafIndex} does not verify.");
        }
    }
}
proofTimes.Sort();
var p50 = Percentile(proofTimes, 0.50);
var p99 = Percentile(proofTimes, 0.99);
Report($"inclusion proof at {size:N0} entries (store, {proofs:N0} random leaves)", $"p50 {p50:N2} ms, p95 {Percentile(proofTimes, 0.95):N2} ms, p99 {p99:N2} ms",
    $"target ≤ 5 ms → p99 is {p99 / 5:0.00}× the target");
var consistencyStarted = Stopwatch.GetTimestamp();
var consistency = await reader.ConsistencyProofAsync(verifyCount, size, ct);
var consistencyMs = Stopwatch.GetElapsedTime(consistencyStarted).TotalMilliseconds;
Report($"consistency proof {verifyCount:N0} → {size:N0}", $"{consistencyMs:N2} ms, verifies: {MerkleProofVerifier.VerifyConsistency(verifyCount, size, roots[verifyCount], rootAtBig, consistency.ToList())}", null);

// 3. Full verification of the first million entries from scratch: read every entry, hash it, rebuild the root
// and compare it with a signed tree head of that size.
var head = signer.Sign(verifyCount, roots[verifyCount], DateTimeOffset.UtcNow);
clock.Restart();
var verified = await FullVerification.RunAsync(dataSource, head, ct);
var verifySeconds = clock.Elapsed.TotalSeconds;
Report($"full verification of {verifyCount:N0} entries (read, hash, root, compare)", $"{verifySeconds:N2} s ({verifyCount / verifySeconds:N0} entries/s), root matches: {verified}",
    $"target ≤ 10 s → {verifySeconds / 10:0.00}× the target");

await BenchDatabase.DropAsync(admin, database, ct);
return verified && appendRate >= 2000 && p99 <= 5 && verifySeconds <= 10 ? 0 : 2;

static int Arg(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static void Report(string what, string figure, string? ratio) =>
    Console.WriteLine($"  {what,-70} {figure}{(ratio is null ? "" : "   [" + ratio + "]")}");
