using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Platform.Jobs;

/// <summary>Inserts jobs into <c>jobs.jobs</c>, in the caller's transaction when there is one.</summary>
public sealed class PostgresJobQueue(NpgsqlDataSource dataSource, TimeProvider clock, IOptions<JobOptions> options) : IJobQueue
{
    private const string InsertSql = """
        INSERT INTO jobs.jobs (queue, payload, dedupe_key, state, attempts, max_attempts, run_after, created_at)
        VALUES ($1, $2, $3, 'Queued', 0, $4, $5, $6)
        ON CONFLICT (dedupe_key) DO NOTHING
        """;

    public async Task EnqueueAsync(DbContext db, JobRequest job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A job that goes with a change is enqueued inside the change's transaction.");
        await using var command = new NpgsqlCommand(InsertSql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        AddParameters(command, job);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task EnqueueAsync(JobRequest job, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(InsertSql);
        AddParameters(command, job);
        await command.ExecuteNonQueryAsync(ct);
    }

    private void AddParameters(NpgsqlCommand command, JobRequest job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = clock.GetUtcNow();
        command.Parameters.Add(new NpgsqlParameter { Value = job.Queue });
        command.Parameters.Add(new NpgsqlParameter { Value = job.Payload, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)job.DedupeKey ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = options.Value.MaxAttempts });
        command.Parameters.Add(new NpgsqlParameter { Value = job.RunAfter ?? now });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
    }
}
