using System.ComponentModel.DataAnnotations;

namespace Marketplace.Ingestion.Pipeline;

/// <summary>Where the certification pipeline keeps its temporary files and what it calls itself in reports.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Folder for the steps' private work folders; empty means a folder under the system's temporary directory.</summary>
    public string WorkDirectory { get; set; } = "";

    /// <summary>Quoted in every certification report, so a report says which rules produced it.</summary>
    [Required]
    public string Version { get; set; } = "1.0.0";

    public string EffectiveWorkDirectory => WorkDirectory.Length > 0 ? WorkDirectory : Path.Combine(Path.GetTempPath(), "marketplace-pipeline");
}
