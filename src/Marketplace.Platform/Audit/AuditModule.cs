using Marketplace.Platform.Audit.Persistence;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Audit.Sequencing;
using Marketplace.Platform.Audit.TreeHeads;
using Marketplace.Platform.Hosting;
using Marketplace.Platform.Keys;
using Marketplace.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Platform.Audit;

/// <summary>Registers the tamper-evident audit log: recording, sequencing, signed tree heads and reads.</summary>
public static class AuditModule
{
    public static IHostApplicationBuilder AddAuditLog(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AuditOptions>(AuditOptions.Section);
        services.AddModuleDbContext<AuditDbContext>(AuditDbContext.Schema, migrationOrder: 0, grants: AuditDbContext.RuntimeGrants);
        services.AddSingleton<IAuditTrail, PostgresAuditTrail>();
        services.AddSingleton<AuditSequencer>();
        services.AddSingleton<TreeHeadSigner>();
        services.AddSingleton<IPublishedSigningKey>(sp => sp.GetRequiredService<TreeHeadSigner>());
        services.AddSingleton<PublishTreeHead>();
        services.AddSingleton<PostgresSubtreeHashSource>();
        services.AddSingleton<AuditLogReader>();
        services.AddHostedService<AuditSequencerWorker>();
        return builder;
    }
}
