using Marketplace.Platform.Hosting;
using Marketplace.Platform.Jobs.Persistence;
using Marketplace.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Platform.Jobs;

/// <summary>Registers the durable job queue and, in the worker role, its runner. Modules add their <see cref="IJobHandler"/>s.</summary>
public static class JobsModule
{
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<JobOptions>(JobOptions.Section);
        services.AddModuleDbContext<JobsDbContext>(JobsDbContext.Schema, migrationOrder: 5);
        services.AddSingleton<IJobQueue, PostgresJobQueue>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return builder;
    }
}
