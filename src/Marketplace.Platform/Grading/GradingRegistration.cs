using Marketplace.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.Platform.Grading;

/// <summary>Registers the configured grade scale.</summary>
public static class GradingRegistration
{
    public static IHostApplicationBuilder AddMarketplaceGrading(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<GradingOptions>(GradingOptions.Section)
            .PostConfigure(o => { if (o.Scale.Count == 0) { o.Scale.AddRange(GradeScale.Default); } });
        builder.Services.AddSingleton(sp => new GradeScale(sp.GetRequiredService<IOptions<GradingOptions>>().Value.Scale));
        return builder;
    }
}
