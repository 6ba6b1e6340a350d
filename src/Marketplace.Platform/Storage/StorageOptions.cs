using System.ComponentModel.DataAnnotations;

namespace Marketplace.Platform.Storage;

/// <summary>How the marketplace reaches Azure Blob Storage (or Azurite locally and in tests).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>An Azure Storage connection string; keep it in the environment or a secret store.</summary>
    [Required(ErrorMessage = "Storage:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Prefix of every container the marketplace creates, so several installations can share an account.</summary>
    [RegularExpression("^[a-z0-9]{0,20}$")]
    public string ContainerPrefix { get; set; } = "";
}
