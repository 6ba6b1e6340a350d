using System.Text.Json;

namespace Marketplace.Cli.Certification;

/// <summary>Whether a report verified, why not, the key that signed it, and the report itself.</summary>
internal sealed record CertificationVerification(bool Valid, string? Problem, string? KeyId, JsonElement? Report)
{
    public static CertificationVerification Failed(string problem) => new(false, problem, null, null);
}
