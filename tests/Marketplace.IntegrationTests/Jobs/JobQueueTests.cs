using Marketplace.IntegrationTests.Audit;
using Marketplace.Platform.Hosting;
using Marketplace.Platform.Jobs;
using Marketplace.Platform.Jobs.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Marketplace.IntegrationTests.Jobs;

/// <summary>
/// The durable job queue against PostgreSQL: idempotent enqueue, enqueue inside a transaction, retries with backoff,
/// giving up, and a job taken over when its worker's lease runs out. No background worker runs: the tests drive the
/// runner with a fake clock.
/// </summary>
public sealed class JobQueueTests(ApiOnlyApp app) : IClassFixture<ApiOnlyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private static readonly JobOptions Options = new()
    {
        Lease = TimeSpan.FromSeconds(30), MaxAttempts = 3, InitialBackoff = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public async Task Enqueue_WithTheSameKeyTwice_YieldsOneJob_WhichRunsOnce()
    {
        var queue = NewQueue();
        var handler = new RecordingHandler(queue);
        var runner = Runner(handler);
        var jobs = Queue();

        await jobs.EnqueueAsync(new JobRequest(queue, """{"n":1}""", $"{queue}:one"), Ct);
        await jobs.EnqueueAsync(new JobRequest(queue, """{"n":2}""", $"{queue}:one"), Ct);
        var first = await runner.RunOnceAsync("w1", Ct);
        var second = await runner.RunOnceAsync("w1", Ct);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(["""{"n": 1}"""], handler.Payloads);
        Assert.Equal((JobState.Succeeded, 1), await StateAsync(queue));
    }

    [Fact]
    public async Task EnqueueInATransaction_ExistsOnlyWhenItCommits()
    {
        var queue = NewQueue();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();

        await using (var rolledBack = await db.Database.BeginTransactionAsync(Ct))
        {
            await Queue().EnqueueAsync(db, new JobRequest(queue, "{}", $"{queue}:a"), Ct);
            await rolledBack.RollbackAsync(Ct);
        }
        await using (var committed = await db.Database.BeginTransactionAsync(Ct))
        {
            await Queue().EnqueueAsync(db, new JobRequest(queue, "{}", $"{queue}:b"), Ct);
            await committed.CommitAsync(Ct);
        }

        var keys = await db.Jobs.Where(j => j.Queue == queue).Select(j => j.DedupeKey).ToListAsync(Ct);
        Assert.Equal([$"{queue}:b"], keys);
    }

    [Fact]
    public async Task FailingJob_IsRetriedAfterItsBackoff_ThenSucceeds()
    {
        var queue = NewQueue();
        var handler = new RecordingHandler(queue, failures: 1);
        var runner = Runner(handler);
        await Queue().EnqueueAsync(new JobRequest(queue, "{}"), Ct);

        await runner.RunOnceAsync("w1", Ct);
        var beforeBackoff = await runner.RunOnceAsync("w1", Ct);
        _clock.Advance(TimeSpan.FromSeconds(13));
        var afterBackoff = await runner.RunOnceAsync("w1", Ct);

        Assert.False(beforeBackoff);
        Assert.True(afterBackoff);
        Assert.Equal(2, handler.Payloads.Count);
        Assert.Equal((JobState.Succeeded, 2), await StateAsync(queue));
    }

    [Fact]
    public async Task JobFailingEveryAttempt_IsGivenUpWithItsLastError()
    {
        var queue = NewQueue();
        var runner = Runner(new RecordingHandler(queue, failures: 100));
        await Queue().EnqueueAsync(new JobRequest(queue, "{}"), Ct);

        for (var i = 0; i < 5; i++)
        {
            await runner.RunOnceAsync("w1", Ct);
            _clock.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal((JobState.Dead, 3), await StateAsync(queue));
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT last_error FROM jobs.jobs WHERE queue = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = queue });
        Assert.Equal("InvalidOperationException: failure 3", (string?)await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task JobOfAWorkerThatDied_IsTakenOverWhenItsLeaseRunsOut_AndTheDeadWorkerCannotFinishIt()
    {
        var queue = NewQueue();
        var store = Store();
        await Queue().EnqueueAsync(new JobRequest(queue, "{}"), Ct);
        var claimed = await store.ClaimAsync([queue], "dead-worker", Ct);

        var whileLeased = await store.ClaimAsync([queue], "w2", Ct);
        _clock.Advance(TimeSpan.FromSeconds(31));
        var handler = new RecordingHandler(queue);
        var takenOver = await Runner(handler).RunOnceAsync("w2", Ct);
        var renewedByDead = await store.RenewAsync(claimed!, "dead-worker", Ct);
        await store.FailAsync(claimed!, "dead-worker", "late", Ct);

        Assert.NotNull(claimed);
        Assert.Null(whileLeased);
        Assert.True(takenOver);
        Assert.False(renewedByDead);
        Assert.Single(handler.Payloads);
        Assert.Equal((JobState.Succeeded, 2), await StateAsync(queue));
    }

    [Fact]
    public async Task ConcurrentWorkers_NeverRunTheSameJobTwice()
    {
        var queue = NewQueue();
        var handler = new RecordingHandler(queue);
        var runner = Runner(handler);
        for (var i = 0; i < 40; i++)
        {
            await Queue().EnqueueAsync(new JobRequest(queue, $$"""{"n":{{i}}}"""), Ct);
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            while (await runner.RunOnceAsync($"w{w}", Ct))
            {
            }
        }, Ct)));

        Assert.Equal(40, handler.Payloads.Count);
        Assert.Equal(40, handler.Payloads.Distinct().Count());
    }

    private static string NewQueue() => "test-" + Guid.NewGuid().ToString("N")[..12];

    private PostgresJobQueue Queue() =>
        new(app.Services.GetRequiredService<NpgsqlDataSource>(), _clock, Microsoft.Extensions.Options.Options.Create(Options));

    private JobStore Store() =>
        new(app.Services.GetRequiredService<NpgsqlDataSource>(), _clock, Microsoft.Extensions.Options.Options.Create(Options));

    private JobRunner Runner(IJobHandler handler) =>
        new([handler], Store(), _clock, Microsoft.Extensions.Options.Options.Create(Options),
            Microsoft.Extensions.Options.Options.Create(new HostingOptions()), NullLogger<JobRunner>.Instance);

    private async Task<(JobState, int)> StateAsync(string queue)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<JobsDbContext>().Jobs.SingleAsync(j => j.Queue == queue, Ct);
        return (job.State, job.Attempts);
    }

    private sealed class RecordingHandler(string queue, int failures = 0) : IJobHandler
    {
        private int _runs;

        public string Queue => queue;

        public System.Collections.Concurrent.ConcurrentQueue<string> Payloads { get; } = new();

        public Task RunAsync(ClaimedJob job, CancellationToken ct)
        {
            Payloads.Enqueue(job.Payload);
            var run = Interlocked.Increment(ref _runs);
            return run <= failures ? Task.FromException(new InvalidOperationException($"failure {run}")) : Task.CompletedTask;
        }
    }
}
