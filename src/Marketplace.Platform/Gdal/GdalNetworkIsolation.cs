namespace Marketplace.Platform.Gdal;

/// <summary>How a GDAL subprocess is cut off from the network.</summary>
public enum GdalNetworkIsolation
{
    /// <summary>Use an empty network namespace when this host allows it; otherwise rely on the environment settings alone.</summary>
    Auto,

    /// <summary>Refuse to run when no empty network namespace can be created.</summary>
    Required,

    /// <summary>Only the environment settings (no /vsicurl extensions, no proxy, PROJ network off).</summary>
    Off,
}
