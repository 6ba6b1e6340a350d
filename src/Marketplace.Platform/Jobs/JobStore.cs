using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Platform.Jobs;

/// <summary>
/// Claims, renews, completes and fails jobs. A claim takes the next due job of the given queues with
/// <c>FOR UPDATE SKIP LOCKED</c>, so any number of workers share the queue without taking the same job twice while
/// its lease holds; a job whose lease ran out (its worker died) is due again.
/// </summary>
public sealed class JobStore(NpgsqlDataSource dataSource, TimeProvider clock, IOptions<JobOptions> options)
{
    private const string ClaimSql = """
        UPDATE jobs.jobs j SET state = 'Running', attempts = j.attempts + 1, locked_by = $2, locked_until = $3
        WHERE j.id = (
            SELECT id FROM jobs.jobs
            WHERE queue = ANY($1) AND ((state = 'Queued' AND run_after <= $4) OR (state = 'Running' AND locked_until < $4))
            ORDER BY CASE WHEN state = 'Queued' THEN run_after ELSE locked_until END
            LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING j.id, j.queue, j.payload::text, j.attempts, j.max_attempts
        """;

    public async Task<ClaimedJob?> ClaimAsync(IReadOnlyList<string> queues, string worker, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter { Value = queues.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = worker });
        command.Parameters.Add(new NpgsqlParameter { Value = now + options.Value.Lease });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        return new ClaimedJob(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4));
    }

    /// <summary>Extends the lease of a job this worker still holds; false when it lost it (another worker took it over).</summary>
    public async Task<bool> RenewAsync(ClaimedJob job, string worker, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE jobs.jobs SET locked_until = $3 WHERE id = $1 AND locked_by = $2 AND state = 'Running' AND attempts = $4");
        command.Parameters.Add(new NpgsqlParameter { Value = job.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = worker });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() + options.Value.Lease });
        command.Parameters.Add(new NpgsqlParameter { Value = job.Attempt });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task SucceedAsync(ClaimedJob job, string worker, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE jobs.jobs SET state = 'Succeeded', finished_at = $3, locked_by = NULL, locked_until = NULL, last_error = NULL
            WHERE id = $1 AND locked_by = $2 AND attempts = $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = job.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = worker });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = job.Attempt });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Schedules the next attempt after a backoff, or gives the job up after its last attempt.</summary>
    public async Task FailAsync(ClaimedJob job, string worker, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = job.Attempt >= job.MaxAttempts;
        await using var command = dataSource.CreateCommand("""
            UPDATE jobs.jobs SET state = $3, run_after = $4, last_error = $5, finished_at = $6, locked_by = NULL, locked_until = NULL
            WHERE id = $1 AND locked_by = $2 AND attempts = $7
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = job.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = worker });
        command.Parameters.Add(new NpgsqlParameter { Value = last ? nameof(JobState.Dead) : nameof(JobState.Queued) });
        command.Parameters.Add(new NpgsqlParameter { Value = now + Backoff(job.Attempt) });
        command.Parameters.Add(new NpgsqlParameter { Value = error.Length > 4000 ? error[..4000] : error });
        command.Parameters.Add(new NpgsqlParameter { Value = last ? now : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = job.Attempt });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The wait after attempt <paramref name="attempt"/>: doubling from the initial backoff, capped, with up to 20 % jitter.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var o = options.Value;
        var exponential = o.InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, o.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + (0.2 * Random.Shared.NextDouble())));
    }
}
