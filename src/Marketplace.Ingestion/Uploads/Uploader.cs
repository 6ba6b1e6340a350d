using Marketplace.Platform.Audit.Recording;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// A caller allowed to upload for its organization (the host checks the role): its uploads belong to the
/// organization, and the actor is who the audit log names.
/// </summary>
public sealed record Uploader(Guid OrganizationId, AuditActor Actor);
