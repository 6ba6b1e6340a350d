using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Platform.Canonicalization;

namespace Marketplace.Platform.Audit.Recording;

/// <summary>
/// The JSON document of one log entry. Its RFC 8785 canonical bytes are the leaf of the Merkle tree
/// (leaf hash = SHA-256(0x00 || bytes)), so they are stored and served exactly as made.
/// </summary>
public sealed record AuditEntryDocument(
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("actor")] AuditEntryActor Actor,
    [property: JsonPropertyName("objects")] IReadOnlyList<string> Objects,
    [property: JsonPropertyName("organizations")] IReadOnlyList<string> Organizations,
    [property: JsonPropertyName("decision")] string? Decision,
    [property: JsonPropertyName("policyVersion")] string? PolicyVersion,
    [property: JsonPropertyName("details")] IReadOnlyDictionary<string, string>? Details)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static AuditEntryDocument From(AuditEvent e, DateTimeOffset at) => new(
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        e.Action,
        new AuditEntryActor(e.Actor.Type, e.Actor.Subject, e.Actor.OrganizationId?.ToString()),
        e.Objects,
        e.Organizations.Distinct().Select(o => o.ToString()).ToList(),
        e.Decision,
        e.PolicyVersion,
        e.Details is { Count: > 0 } ? e.Details : null);

    /// <summary>The canonical (RFC 8785) UTF-8 bytes: what the log stores and hashes.</summary>
    public byte[] ToCanonicalBytes() => JsonCanonicalizer.Serialize(this, Json);
}

public sealed record AuditEntryActor(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("organization")] string? Organization);
