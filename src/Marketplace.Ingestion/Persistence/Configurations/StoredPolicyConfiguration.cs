using Marketplace.Ingestion.Classification.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Ingestion.Persistence.Configurations;

internal sealed class StoredPolicyConfiguration : IEntityTypeConfiguration<StoredPolicy>
{
    public void Configure(EntityTypeBuilder<StoredPolicy> builder)
    {
        builder.ToTable("classification_policies");
        builder.HasKey(p => p.Number);
        builder.Property(p => p.Number).HasColumnName("number").UseIdentityAlwaysColumn();
        builder.Property(p => p.Version).HasColumnName("version").HasMaxLength(100);
        // Kept byte for byte as installed: text, not jsonb.
        builder.Property(p => p.Document).HasColumnName("document");
        builder.Property(p => p.Sha256).HasColumnName("sha256").HasMaxLength(64);
        builder.Property(p => p.InstalledAt).HasColumnName("installed_at");
        builder.Property(p => p.InstalledByType).HasColumnName("installed_by_type").HasMaxLength(20);
        builder.Property(p => p.InstalledBySubject).HasColumnName("installed_by_subject").HasMaxLength(200);
        builder.HasIndex(p => p.Version).IsUnique().HasDatabaseName("ux_classification_policies_version");
    }
}
