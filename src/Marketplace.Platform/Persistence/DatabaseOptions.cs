using System.ComponentModel.DataAnnotations;

namespace Marketplace.Platform.Persistence;

/// <summary>
/// How the marketplace reaches PostgreSQL. The application runs with <c>ConnectionStrings:Marketplace</c>; the
/// <c>migrate</c> command uses <c>ConnectionStrings:MarketplaceOwner</c> (the schemas' owner, defaulting to the
/// same connection) and grants the application's role only what each module allows it.
/// </summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Marketplace";
    public const string OwnerConnectionStringName = "MarketplaceOwner";

    [Required(ErrorMessage = "ConnectionStrings:Marketplace is required.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Connection of the schemas' owner, for migrations; empty means <see cref="ConnectionString"/>.</summary>
    public string OwnerConnectionString { get; set; } = "";

    /// <summary>Seconds a command may run before PostgreSQL cancels it.</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// PostgreSQL's <c>plan_cache_mode</c> for the application's sessions. Hot statements are prepared once per
    /// connection; with <c>auto</c> PostgreSQL switches a prepared search to one generic plan after five executions,
    /// and a generic plan that suits a small bounding box (footprint index first, then sort) takes seconds on a
    /// continent. <c>force_custom_plan</c> keeps the saved parse and plans each execution with its own values
    /// (about 0.2 ms).
    /// </summary>
    [RegularExpression("^(auto|force_custom_plan|force_generic_plan)$")]
    public string PlanCacheMode { get; set; } = "force_custom_plan";

    public string EffectiveOwnerConnectionString => OwnerConnectionString.Length > 0 ? OwnerConnectionString : ConnectionString;
}
