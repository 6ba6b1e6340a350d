namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// An organization's upload limits in force (its own, or the defaults) and what it uses of them: open uploads, and
/// bytes of open and completed (not yet consumed) uploads. <see cref="MaxBytesOverride"/> and
/// <see cref="MaxConcurrentUploadsOverride"/> are the organization's own limits, null where the default applies.
/// </summary>
public sealed record UploadQuotaView(
    Guid OrganizationId,
    long MaxBytes,
    int MaxConcurrentUploads,
    long UsedBytes,
    int OpenUploads,
    long? MaxBytesOverride,
    int? MaxConcurrentUploadsOverride);
