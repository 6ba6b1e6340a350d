namespace Marketplace.Ingestion.Uploads;

/// <summary>An organization's own upload limits; a null limit means the default from <see cref="UploadOptions"/>.</summary>
public sealed class OrganizationUploadQuota
{
    private OrganizationUploadQuota() { }

    public Guid OrganizationId { get; private set; }

    /// <summary>Bytes its open and completed (not yet consumed) uploads may hold together.</summary>
    public long? MaxBytes { get; private set; }

    /// <summary>How many uploads it may have open at once.</summary>
    public int? MaxConcurrentUploads { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? UpdatedBySubject { get; private set; }

    public static OrganizationUploadQuota For(Guid organizationId) => new() { OrganizationId = organizationId };

    public void Change(long? maxBytes, int? maxConcurrentUploads, string? subject, DateTimeOffset now)
    {
        MaxBytes = maxBytes;
        MaxConcurrentUploads = maxConcurrentUploads;
        UpdatedBySubject = subject;
        UpdatedAt = now;
    }
}
