using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Platform.Persistence;

/// <summary>Applies the EF Core migrations of one module's DbContext.</summary>
public sealed class EfCoreMigration<TContext>(IServiceScopeFactory scopes, string module, int order) : IDatabaseMigration
    where TContext : DbContext
{
    public string ModuleName => module;

    public int Order => order;

    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.MigrateAsync(ct);
    }
}
