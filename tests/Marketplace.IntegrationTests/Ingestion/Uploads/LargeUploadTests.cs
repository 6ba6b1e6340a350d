using System.Diagnostics;
using System.Net;
using Marketplace.Ingestion.Uploads;
using Marketplace.IntegrationTests.Infrastructure;
using static Marketplace.IntegrationTests.Ingestion.Uploads.UploadSteps;

namespace Marketplace.IntegrationTests.Ingestion.Uploads;

/// <summary>Runs alone, after the parallel tests, so the memory it measures is its own.</summary>
[CollectionDefinition(nameof(LargeUploadCollection), DisableParallelization = true)]
public sealed class LargeUploadCollection;

[Collection(nameof(LargeUploadCollection))]
public sealed class LargeUploadTests(MarketplaceApp app, ITestOutputHelper output) : IClassFixture<MarketplaceApp>
{
    private const long FileSize = 5L * 1024 * MiB;
    private const int BlockSize = 100 * MiB;
    private const int Parallelism = 6;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_OfFiveGibibytesThroughTheWriteUrl_CompletesWhileTheApiHoldsNoneOfIt()
    {
        using var uploader = await app.ClientAsAsync("demo-uploader", Ct);
        var organizationId = app.OrganizationId("orbital-eye");
        var upload = await CreateAsync(uploader, FileSize, BlockSize, Ct, fileName: "large-scene.tif");
        var id = Id(upload);
        var url = UploadUrl(upload);
        var count = upload.GetProperty("blocks").GetProperty("blockCount").GetInt32();
        var pattern = File(MiB, seed: 30);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var workingSetBefore = WorkingSet();
            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var peak = SamplePeakWorkingSetAsync(sampling.Token);
            var clock = Stopwatch.StartNew();

            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = Ct },
                async (n, ct) =>
                {
                    var length = n == count - 1 ? FileSize - ((long)BlockSize * (count - 1)) : BlockSize;
                    using var content = new PatternContent(pattern, n * 4099 % pattern.Length, length);
                    using var response = await PutBlockAsync(http, url, BlockIds.For(n), content, ct);
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                });
            var uploaded = clock.Elapsed;
            var received = (await GetAsync(uploader, id, Ct)).GetProperty("received");
            using var completed = await uploader.PostAsync($"/uploads/{id}/complete", null, Ct);
            var total = clock.Elapsed;
            await sampling.CancelAsync();
            var peakWorkingSet = await peak;
            var heapAfter = GC.GetTotalMemory(forceFullCollection: true);

            Assert.Equal(FileSize, received.GetProperty("bytes").GetInt64());
            Assert.Empty(received.GetProperty("missingBlocks").EnumerateArray());
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
            Assert.Equal(FileSize, (await Blob(app, organizationId, id).GetPropertiesAsync(cancellationToken: Ct)).Value.ContentLength);
            output.WriteLine($"5 GiB in {count} blocks of {BlockSize / MiB} MiB, {Parallelism} in parallel: sent in {uploaded.TotalSeconds:N1} s "
                + $"({FileSize / MiB / uploaded.TotalSeconds:N0} MiB/s), completed after {total.TotalSeconds:N1} s; "
                + $"working set {workingSetBefore / MiB} MiB before, peak {peakWorkingSet / MiB} MiB; managed heap {heapBefore / MiB} MiB before, {heapAfter / MiB} MiB after.");
            Assert.True(peakWorkingSet - workingSetBefore < 1024L * MiB, $"The working set grew by {(peakWorkingSet - workingSetBefore) / MiB} MiB.");
            Assert.True(heapAfter - heapBefore < 256L * MiB, $"The managed heap grew by {(heapAfter - heapBefore) / MiB} MiB.");
        }
        finally
        {
            using var discarded = await uploader.DeleteAsync($"/uploads/{id}", CancellationToken.None);
            Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
            Assert.False(await Blob(app, organizationId, id).ExistsAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task Fallback_BlocksOfTheMaximumSizeThroughKestrel_AreStreamedNotBuffered()
    {
        const int blocks = 4;
        var (server, baseAddress) = app.StartHttpServer();
        await using var _ = server;
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var demo = app.DemoClient("demo-uploader");
        using var tokenResponse = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = demo.ClientId, ["client_secret"] = demo.ClientSecret, ["scope"] = "api",
        }), Ct);
        var token = (await MarketplaceApp.ReadJsonAsync(tokenResponse, Ct)).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var upload = await CreateAsync(http, (long)blocks * BlockSize, BlockSize, Ct);
        var id = Id(upload);
        var pattern = File(MiB, seed: 31);
        // With Expect: 100-continue the client learns of the refusal before sending the body, as well-behaved clients of large bodies do.
        using var oversized = new HttpRequestMessage(HttpMethod.Put, $"/uploads/{id}/blocks/0") { Content = new PatternContent(pattern, 0, BlockSize + 1L) };
        oversized.Headers.ExpectContinue = true;
        using var refused = await http.SendAsync(oversized, Ct);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.RequestEntityTooLarge, "payload-too-large", Ct);
        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var workingSetBefore = WorkingSet();
            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var peak = SamplePeakWorkingSetAsync(sampling.Token);
            var clock = Stopwatch.StartNew();

            await Parallel.ForEachAsync(Enumerable.Range(0, blocks), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = Ct },
                async (n, ct) =>
                {
                    using var content = new PatternContent(pattern, n * 4099 % pattern.Length, BlockSize);
                    using var response = await http.PutAsync($"/uploads/{id}/blocks/{n}", content, ct);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                });
            var sent = clock.Elapsed;
            await sampling.CancelAsync();
            var peakWorkingSet = await peak;
            using var completed = await http.PostAsync($"/uploads/{id}/complete", null, Ct);

            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
            Assert.Equal((long)blocks * BlockSize, (await Blob(app, app.OrganizationId("orbital-eye"), id).GetPropertiesAsync(cancellationToken: Ct)).Value.ContentLength);
            output.WriteLine($"{blocks} blocks of {BlockSize / MiB} MiB through the API over HTTP, 2 in parallel: {sent.TotalSeconds:N1} s "
                + $"({blocks * (BlockSize / MiB) / sent.TotalSeconds:N0} MiB/s); working set {workingSetBefore / MiB} MiB before, peak {peakWorkingSet / MiB} MiB.");
            Assert.True(peakWorkingSet - workingSetBefore < BlockSize, $"The working set grew by {(peakWorkingSet - workingSetBefore) / MiB} MiB.");
        }
        finally
        {
            using var discarded = await http.DeleteAsync($"/uploads/{id}", CancellationToken.None);
            Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
        }
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static async Task<long> SamplePeakWorkingSetAsync(CancellationToken ct)
    {
        var peak = WorkingSet();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                peak = Math.Max(peak, WorkingSet());
            }
        }
        catch (OperationCanceledException)
        {
            // Sampling ends with the upload.
        }
        return Math.Max(peak, WorkingSet());
    }

    /// <summary>A block body made by repeating a pattern from an offset: sent with its length, generated as it is written, never held whole.</summary>
    private sealed class PatternContent(byte[] pattern, int offset, long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var remaining = length;
            var start = offset;
            while (remaining > 0)
            {
                var chunk = (int)Math.Min(pattern.Length - start, remaining);
                await stream.WriteAsync(pattern.AsMemory(start, chunk), cancellationToken);
                remaining -= chunk;
                start = 0;
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length1)
        {
            length1 = length;
            return true;
        }
    }
}
