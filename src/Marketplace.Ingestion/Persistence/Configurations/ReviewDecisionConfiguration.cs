using Marketplace.Ingestion.Classification.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Ingestion.Persistence.Configurations;

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> builder)
    {
        builder.ToTable("review_decisions", t => t.HasCheckConstraint("ck_review_decisions_comment", "length(btrim(comment)) > 0"));
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(d => d.ReviewId).HasColumnName("review_id");
        builder.Property(d => d.ReviewerSubject).HasColumnName("reviewer_subject").HasMaxLength(200);
        builder.Property(d => d.ReviewerType).HasColumnName("reviewer_type").HasMaxLength(20);
        builder.Property(d => d.ReviewerOrganizationId).HasColumnName("reviewer_organization_id");
        builder.Property(d => d.Kind).HasColumnName("kind").HasMaxLength(20).HasConversion<string>();
        builder.Property(d => d.Grade).HasColumnName("grade").HasMaxLength(50);
        builder.Property(d => d.Comment).HasColumnName("comment").HasMaxLength(4000);
        builder.Property(d => d.DecidedAt).HasColumnName("decided_at");
        builder.HasIndex(d => d.ReviewId).HasDatabaseName("ix_review_decisions_review");
    }
}
