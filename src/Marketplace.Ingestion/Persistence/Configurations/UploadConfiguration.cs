using Marketplace.Ingestion.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Ingestion.Persistence.Configurations;

internal sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    public void Configure(EntityTypeBuilder<Upload> builder)
    {
        builder.ToTable("uploads", t =>
        {
            t.HasCheckConstraint("ck_uploads_status", "status IN ('open', 'completed', 'aborted', 'expired', 'consumed')");
            t.HasCheckConstraint("ck_uploads_size", "size > 0 AND block_size > 0");
        });
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(u => u.OrganizationId).HasColumnName("organization_id");
        builder.Property(u => u.CreatedByType).HasColumnName("created_by_type").HasMaxLength(20);
        builder.Property(u => u.CreatedBySubject).HasColumnName("created_by_subject").HasMaxLength(200);
        builder.Property(u => u.FileName).HasColumnName("file_name").HasMaxLength(255);
        builder.Property(u => u.MediaType).HasColumnName("media_type").HasMaxLength(255);
        builder.Property(u => u.Size).HasColumnName("size");
        builder.Property(u => u.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
        builder.Property(u => u.BlockSize).HasColumnName("block_size");
        builder.Property(u => u.BlobName).HasColumnName("blob_name").HasMaxLength(100);
        builder.HasIndex(u => u.BlobName).IsUnique();
        builder.Property(u => u.LeaseId).HasColumnName("lease_id");
        builder.Property(u => u.Status).HasColumnName("status").HasMaxLength(16)
            .HasConversion(s => UploadViews.StatusName(s), s => Enum.Parse<UploadStatus>(s, true));
        builder.Property(u => u.CreatedAt).HasColumnName("created_at");
        builder.Property(u => u.ExpiresAt).HasColumnName("expires_at");
        builder.Property(u => u.CompletedAt).HasColumnName("completed_at");
        builder.Property(u => u.EndedAt).HasColumnName("ended_at");
        builder.Property(u => u.BlobETag).HasColumnName("blob_etag").HasMaxLength(100);
        builder.Ignore(u => u.BlockCount);
        // Quota sums per organization, and the expiry sweep over open uploads.
        builder.HasIndex(u => new { u.OrganizationId, u.Status }).HasDatabaseName("ix_uploads_organization_status");
        builder.HasIndex(u => u.ExpiresAt).HasDatabaseName("ix_uploads_open_expiry").HasFilter("status = 'open'");
    }
}
