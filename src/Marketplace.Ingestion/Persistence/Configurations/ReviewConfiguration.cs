using Marketplace.Ingestion.Classification.Reviews;
using Marketplace.Ingestion.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Ingestion.Persistence.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("reviews", t => t.HasCheckConstraint("ck_reviews_approvals", "approvals_required BETWEEN 1 AND 2"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.ProductId).HasColumnName("product_id");
        builder.Property(r => r.OrganizationId).HasColumnName("organization_id");
        builder.Property(r => r.CollectionId).HasColumnName("collection_id").HasMaxLength(200);
        builder.Property(r => r.ItemId).HasColumnName("item_id").HasMaxLength(200);
        builder.Property(r => r.Grade).HasColumnName("grade").HasMaxLength(50);
        builder.Property(r => r.PolicyGrade).HasColumnName("policy_grade").HasMaxLength(50);
        builder.Property(r => r.PolicyVersion).HasColumnName("policy_version").HasMaxLength(100);
        builder.Property(r => r.Reasons).HasColumnName("reasons").HasColumnType("jsonb");
        builder.Property(r => r.ApprovalsRequired).HasColumnName("approvals_required");
        builder.Property(r => r.State).HasColumnName("state").HasMaxLength(20).HasConversion<string>();
        builder.Property(r => r.OpenedAt).HasColumnName("opened_at");
        builder.Property(r => r.GradeSetAt).HasColumnName("grade_set_at");
        builder.Property(r => r.ClosedAt).HasColumnName("closed_at");
        builder.Property(r => r.ClosedBecause).HasColumnName("closed_because");
        builder.Ignore(r => r.Approvals);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        // At most one open review per product; the queue, oldest first.
        builder.HasIndex(r => r.ProductId).IsUnique().HasFilter("state = 'Open'").HasDatabaseName("ux_reviews_open_product");
        builder.HasIndex(r => new { r.State, r.OpenedAt }).HasDatabaseName("ix_reviews_state_opened");
        builder.HasMany(r => r.Decisions).WithOne().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
