using Marketplace.Ingestion.Classification.Derivatives;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Ingestion.Classification.Regrading;
using Marketplace.Ingestion.Classification.Reviews;
using Marketplace.Platform.Hosting;
using Marketplace.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Ingestion.Classification;

/// <summary>Registers grading: policy versions, the review queue, re-grading (embargo ends, policy changes) and releasable derivatives.</summary>
public static class ClassificationRegistration
{
    public static IServiceCollection AddClassification(this IServiceCollection services)
    {
        services.AddValidatedOptions<ClassificationOptions>(ClassificationOptions.Section);
        services.AddSingleton<PolicyInForce>();
        services.AddScoped<InstallPolicy>();
        services.AddScoped<ReadPolicies>();
        services.AddSingleton<ReviewQueue>();
        services.AddScoped<ListReviews>();
        services.AddScoped<DecideReview>();
        services.AddScoped<ProductRegrading>();
        services.AddSingleton<IJobHandler, RegradeProducts>();
        services.AddValidatedOptions<DerivativeOptions>(DerivativeOptions.Section);
        services.AddSingleton<DerivativeMaker>();
        services.AddSingleton<IJobHandler, ReleaseDerivatives>();
        return services;
    }
}
