namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>
/// A policy version as installed: the document byte for byte, its SHA-256, who installed it and when. Versions are
/// never changed or removed; the one installed last is in force.
/// </summary>
public sealed class StoredPolicy
{
    private StoredPolicy() { }

    /// <summary>Installation order; the highest is in force.</summary>
    public long Number { get; private set; }

    public string Version { get; private set; } = "";

    public string Document { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public DateTimeOffset InstalledAt { get; private set; }

    public string InstalledByType { get; private set; } = "";

    public string? InstalledBySubject { get; private set; }

    public static StoredPolicy Install(string version, string document, string sha256, string installedByType, string? installedBySubject,
        DateTimeOffset now) => new()
        {
            Version = version,
            Document = document,
            Sha256 = sha256,
            InstalledByType = installedByType,
            InstalledBySubject = installedBySubject,
            InstalledAt = now,
        };
}
