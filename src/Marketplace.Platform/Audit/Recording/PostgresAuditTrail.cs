using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Marketplace.Platform.Audit.Recording;

/// <summary>
/// Writes events to <c>audit.pending</c>, an outbox in the caller's transaction: no event of a rolled-back change is
/// ever logged and none of a committed one is lost. The sequencer polls the outbox; a NOTIFY here would take
/// PostgreSQL's database-wide notification lock at every commit and serialize all audited transactions.
/// </summary>
public sealed class PostgresAuditTrail(NpgsqlDataSource dataSource, TimeProvider clock) : IAuditTrail
{
    private const string InsertSql =
        "INSERT INTO audit.pending (action, organizations, recorded_at, entry) VALUES (@action, @organizations, @at, @entry)";

    public async Task RecordAsync(DbContext db, AuditEvent auditEvent, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Audit events about a change are recorded inside the change's transaction.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(InsertSql, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        AddParameters(command, auditEvent);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(InsertSql);
        AddParameters(command, auditEvent);
        await command.ExecuteNonQueryAsync(ct);
    }

    private void AddParameters(NpgsqlCommand command, AuditEvent auditEvent)
    {
        var now = clock.GetUtcNow();
        command.Parameters.AddWithValue("action", auditEvent.Action);
        command.Parameters.AddWithValue("organizations", auditEvent.Organizations.Distinct().ToArray());
        command.Parameters.AddWithValue("at", now);
        command.Parameters.AddWithValue("entry", AuditEntryDocument.From(auditEvent, now).ToCanonicalBytes());
    }
}
