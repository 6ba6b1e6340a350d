namespace Marketplace.Ingestion.Uploads;

/// <summary>Shows the caller's organization its upload quota and usage.</summary>
public sealed class GetUploadQuota(UploadQuotas quotas, TimeProvider clock)
{
    public Task<UploadQuotaView> HandleAsync(Uploader uploader, CancellationToken ct) =>
        quotas.UsageAsync(uploader.OrganizationId, clock.GetUtcNow(), ct);
}
