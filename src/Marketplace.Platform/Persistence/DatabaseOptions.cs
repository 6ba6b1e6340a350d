using System.ComponentModel.DataAnnotations;

namespace Marketplace.Platform.Persistence;

/// <summary>How the marketplace reaches PostgreSQL. The connection string is read from <c>ConnectionStrings:Marketplace</c>.</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Marketplace";

    [Required(ErrorMessage = "ConnectionStrings:Marketplace is required.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Seconds a command may run before PostgreSQL cancels it.</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 30;
}
