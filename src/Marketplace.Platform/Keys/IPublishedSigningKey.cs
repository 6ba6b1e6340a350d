using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Platform.Keys;

/// <summary>
/// A public key the platform signs documents with (tree heads of the audit log, certification reports), published
/// in the JSON Web Key Set next to the token signing keys so anyone can verify the signatures offline.
/// </summary>
public interface IPublishedSigningKey
{
    /// <summary>The public part as a JSON Web Key, with <c>kid</c>, <c>alg</c> and <c>use</c> set.</summary>
    JsonWebKey PublicJwk { get; }
}
