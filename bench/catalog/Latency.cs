using System.Diagnostics;

namespace Marketplace.Bench.Catalog;

/// <summary>Latencies of one run, sorted, with how many requests each worker made and how many items came back.</summary>
internal sealed record Measurement(int Concurrency, double[] Milliseconds, TimeSpan Elapsed, int[] PerWorker, long Returned, int TimedOut, int WarmupCount)
{
    public int Count => Milliseconds.Length;

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    public double PerSecond => Count / Elapsed.TotalSeconds;

    public double AverageReturned => Count == 0 ? 0 : Returned / (double)Count;

    public double Percentile(double p) => Count == 0 ? double.NaN : Milliseconds[Math.Min(Count - 1, Math.Max(0, (int)Math.Ceiling(p * Count) - 1))];

    public string Summary => $"p50 {P50,7:N2} ms  p95 {P95,7:N2} ms  p99 {P99,7:N2} ms  ({Count:N0} req, {PerSecond:N0}/s, {AverageReturned:N0} items/page"
        + (TimedOut > 0 ? $", {TimedOut:N0} answered 503 at the search timeout)" : ")");
}

/// <summary>
/// Runs an operation from N concurrent workers, each with its own seeded generator of parameters: a warm-up (other
/// seeds, not recorded), then either for a given time or for exactly the requests another run made (so a second
/// path can be timed on the very same searches).
/// </summary>
internal static class Latency
{
    /// <summary>
    /// One timed operation: it draws its parameters from the generator, then times only the request; it returns the
    /// items that came back, or -1 when the search ran into the API's search timeout (503).
    /// </summary>
    public delegate Task<(double Milliseconds, int Returned)> Operation(Random random, CancellationToken ct);

    public static async Task<Measurement> RunAsync(int concurrency, int seed, TimeSpan warmup, TimeSpan duration, int[]? exactly,
        Operation operation, CancellationToken ct)
    {
        var warm = await Workers(concurrency, w => new Random(seed * 1009 + 500 + w), warmup, null, operation, ct);
        var clock = Stopwatch.StartNew();
        var results = await Workers(concurrency, w => new Random(seed * 1009 + w), duration, exactly, operation, ct);
        var elapsed = clock.Elapsed;
        var all = results.SelectMany(r => r.Milliseconds).ToArray();
        Array.Sort(all);
        return new Measurement(concurrency, all, elapsed, results.Select(r => r.Milliseconds.Count).ToArray(), results.Sum(r => r.Returned), results.Sum(r => r.TimedOut), warm.Sum(r => r.Milliseconds.Count));
    }

    private static async Task<(List<double> Milliseconds, long Returned, int TimedOut)[]> Workers(int concurrency, Func<int, Random> seeds, TimeSpan duration, int[]? exactly,
        Operation operation, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var random = seeds(w);
            var times = new List<double>(4096);
            long returned = 0;
            var timedOut = 0;
            while (exactly is null ? Stopwatch.GetTimestamp() < deadline : times.Count < exactly[w])
            {
                var (ms, count) = await operation(random, ct);
                times.Add(ms);
                if (count < 0)
                {
                    timedOut++;
                }
                else
                {
                    returned += count;
                }
            }
            return (times, returned, timedOut);
        }, ct)));
    }
}
