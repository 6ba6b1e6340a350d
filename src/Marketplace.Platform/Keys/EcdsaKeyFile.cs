using System.Security.Cryptography;

namespace Marketplace.Platform.Keys;

/// <summary>Loads an ECDSA P-256 private key from a PEM file, creates it there when allowed, or makes one in memory.</summary>
public static class EcdsaKeyFile
{
    public static ECDsa Load(string path, bool createIfMissing)
    {
        if (path.Length == 0)
        {
            return ECDsa.Create(ECCurve.NamedCurves.nistP256);
        }
        if (File.Exists(path))
        {
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(path));
            if (key.KeySize != 256)
            {
                key.Dispose();
                throw new InvalidOperationException($"The key in '{path}' is not an ECDSA P-256 key.");
            }
            return key;
        }
        if (!createIfMissing)
        {
            throw new FileNotFoundException($"The key file '{path}' does not exist (allow creating it to make one).", path);
        }
        var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        PrivateKeyFile.Write(path, created.ExportPkcs8PrivateKeyPem());
        return created;
    }
}
