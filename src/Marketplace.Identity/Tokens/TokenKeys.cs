using System.Security.Cryptography;
using Marketplace.Platform.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Identity.Tokens;

/// <summary>
/// The RSA keys of the token server: one signs tokens (published in the JWKS), one encrypts authorization codes
/// and refresh tokens. Read from PEM files, created there when allowed, or made in memory for this process.
/// </summary>
public sealed class TokenKeys : IDisposable
{
    private readonly RSA _signing;
    private readonly RSA _encryption;

    public TokenKeys(IOptions<MarketplaceIdentityOptions> options)
    {
        var o = options.Value;
        _signing = Load(o.SigningKeyPath, o.CreateKeysIfMissing);
        _encryption = Load(o.EncryptionKeyPath, o.CreateKeysIfMissing);
        SigningKey = new RsaSecurityKey(_signing) { KeyId = KeyIdOf(_signing) };
        EncryptionKey = new RsaSecurityKey(_encryption) { KeyId = KeyIdOf(_encryption) };
    }

    public RsaSecurityKey SigningKey { get; }

    public RsaSecurityKey EncryptionKey { get; }

    public void Dispose()
    {
        _signing.Dispose();
        _encryption.Dispose();
    }

    private static RSA Load(string path, bool createIfMissing)
    {
        var rsa = RSA.Create(2048);
        if (path.Length == 0)
        {
            return rsa;
        }
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            return rsa;
        }
        if (!createIfMissing)
        {
            rsa.Dispose();
            throw new FileNotFoundException($"The key file '{path}' does not exist (set Identity:CreateKeysIfMissing to create it).", path);
        }
        PrivateKeyFile.Write(path, rsa.ExportPkcs8PrivateKeyPem());
        return rsa;
    }

    /// <summary>A stable key id: the base64url SHA-256 of the public key (first 16 bytes).</summary>
    private static string KeyIdOf(RSA rsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 16).ToArray());
}
