namespace Marketplace.Platform.Audit.Recording;

/// <summary>
/// Something that happened and must be provable later: who did what to which objects, with the decision taken
/// and the policy version that took it.
/// </summary>
/// <param name="Action">Dotted verb, e.g. <c>client.authenticated</c>, <c>organization.created</c>.</param>
/// <param name="Objects">Ids of the objects acted on, typed, e.g. <c>organization:0190…</c>.</param>
/// <param name="Organizations">Organizations the entry is about: each may read it.</param>
/// <param name="Decision">For authorization decisions: <c>allow</c> or <c>deny</c>.</param>
/// <param name="Details">Further facts, as strings.</param>
public sealed record AuditEvent(
    string Action,
    AuditActor Actor,
    IReadOnlyList<string> Objects,
    IReadOnlyList<Guid> Organizations,
    string? Decision = null,
    string? PolicyVersion = null,
    IReadOnlyDictionary<string, string>? Details = null);
