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

    public string EffectiveOwnerConnectionString => OwnerConnectionString.Length > 0 ? OwnerConnectionString : ConnectionString;
}
