using Marketplace.Ingestion.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Ingestion.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products", t => t.HasCheckConstraint("ck_products_version", "version >= 1"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(p => p.OrganizationId).HasColumnName("organization_id");
        builder.Property(p => p.CollectionId).HasColumnName("collection_id").HasMaxLength(200);
        builder.Property(p => p.ItemId).HasColumnName("item_id").HasMaxLength(200);
        builder.Property(p => p.Version).HasColumnName("version");
        builder.Property(p => p.PreviousVersionId).HasColumnName("previous_version_id");
        builder.Property(p => p.DerivedFromId).HasColumnName("derived_from_id");
        builder.Property(p => p.Status).HasColumnName("status").HasMaxLength(20).HasConversion<string>();
        builder.Property(p => p.SubmittedByType).HasColumnName("submitted_by_type").HasMaxLength(20);
        builder.Property(p => p.SubmittedBySubject).HasColumnName("submitted_by_subject").HasMaxLength(200);
        builder.Property(p => p.SubmittedAt).HasColumnName("submitted_at");
        builder.Property(p => p.UpdatedAt).HasColumnName("updated_at");
        builder.Property(p => p.Draft).HasColumnName("draft").HasColumnType("jsonb");
        builder.Property(p => p.Offers).HasColumnName("offers").HasColumnType("jsonb");
        builder.Property(p => p.Item).HasColumnName("item").HasColumnType("jsonb");
        builder.Property(p => p.Grade).HasColumnName("grade").HasMaxLength(50);
        builder.Property(p => p.GradeReasons).HasColumnName("grade_reasons").HasColumnType("jsonb");
        builder.Property(p => p.PolicyGrade).HasColumnName("policy_grade").HasMaxLength(50);
        builder.Property(p => p.PolicyVersion).HasColumnName("policy_version").HasMaxLength(100);
        builder.Property(p => p.RegradeAt).HasColumnName("regrade_at");
        // Kept byte for byte as signed: text, not jsonb (jsonb would reorder and reformat it).
        builder.Property(p => p.CertificationReport).HasColumnName("certification_report");
        builder.Property(p => p.CertificationJws).HasColumnName("certification_jws");
        builder.Property(p => p.RejectionReason).HasColumnName("rejection_reason");
        builder.Ignore(p => p.IsFinished);
        // One product per item id and version within a collection; the provider's list, newest first.
        builder.HasIndex(p => new { p.CollectionId, p.ItemId, p.Version }).IsUnique().HasDatabaseName("ux_products_item_version");
        builder.HasIndex(p => new { p.OrganizationId, p.SubmittedAt }).IsDescending(false, true).HasDatabaseName("ix_products_organization");
        builder.HasMany(p => p.Assets).WithOne().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Assets).HasField("_assets").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
