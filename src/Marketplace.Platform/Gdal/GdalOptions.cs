using System.ComponentModel.DataAnnotations;

namespace Marketplace.Platform.Gdal;

/// <summary>Where the GDAL command-line tools are and how long they may run.</summary>
public sealed class GdalOptions
{
    public const string Section = "Gdal";

    /// <summary>Folder holding gdalinfo and friends; empty means the PATH.</summary>
    public string BinDirectory { get; set; } = "";

    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 120;

    public string Tool(string name) => BinDirectory.Length == 0 ? name : Path.Combine(BinDirectory, name);
}
