using Marketplace.Ingestion.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>The installed policy versions, newest first, and one version's document as installed.</summary>
public sealed class ReadPolicies(IngestionDbContext db)
{
    public async Task<IReadOnlyList<PolicyView>> ListAsync(CancellationToken ct)
    {
        var stored = await db.Policies.AsNoTracking().OrderByDescending(p => p.Number).ToListAsync(ct);
        return [.. stored.Select((p, i) => PolicyView.From(p, inForce: i == 0))];
    }

    public Task<StoredPolicy?> FindAsync(string version, CancellationToken ct) =>
        db.Policies.AsNoTracking().SingleOrDefaultAsync(p => p.Version == version, ct);
}
