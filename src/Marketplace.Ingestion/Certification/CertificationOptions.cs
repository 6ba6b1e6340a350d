namespace Marketplace.Ingestion.Certification;

/// <summary>The key that signs certification reports; its public part is published in the JWKS.</summary>
public sealed class CertificationOptions
{
    public const string Section = "Certification";

    /// <summary>PEM file of the ECDSA P-256 signing key; empty means a key made in memory (tests only: reports then cannot be verified after a restart).</summary>
    public string SigningKeyPath { get; set; } = "";

    /// <summary>Create the key file when it does not exist (local runs).</summary>
    public bool CreateKeyIfMissing { get; set; }
}
