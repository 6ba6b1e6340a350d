using Marketplace.Ingestion.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Ingestion.Persistence.Configurations;

internal sealed class OrganizationUploadQuotaConfiguration : IEntityTypeConfiguration<OrganizationUploadQuota>
{
    public void Configure(EntityTypeBuilder<OrganizationUploadQuota> builder)
    {
        builder.ToTable("organization_upload_quotas", t =>
            t.HasCheckConstraint("ck_organization_upload_quotas_limits", "(max_bytes IS NULL OR max_bytes >= 0) AND (max_concurrent_uploads IS NULL OR max_concurrent_uploads >= 0)"));
        builder.HasKey(q => q.OrganizationId);
        builder.Property(q => q.OrganizationId).HasColumnName("organization_id").ValueGeneratedNever();
        builder.Property(q => q.MaxBytes).HasColumnName("max_bytes");
        builder.Property(q => q.MaxConcurrentUploads).HasColumnName("max_concurrent_uploads");
        builder.Property(q => q.UpdatedAt).HasColumnName("updated_at");
        builder.Property(q => q.UpdatedBySubject).HasColumnName("updated_by_subject").HasMaxLength(200);
    }
}
