using Marketplace.Ingestion.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Ingestion.Persistence.Configurations;

internal sealed class PipelineStepConfiguration : IEntityTypeConfiguration<PipelineStep>
{
    public void Configure(EntityTypeBuilder<PipelineStep> builder)
    {
        builder.ToTable("pipeline_steps");
        builder.HasKey(s => new { s.ProductId, s.Name });
        builder.Property(s => s.ProductId).HasColumnName("product_id");
        builder.Property(s => s.Name).HasColumnName("name").HasMaxLength(50);
        builder.Property(s => s.Position).HasColumnName("position");
        builder.Property(s => s.State).HasColumnName("state").HasMaxLength(20).HasConversion<string>();
        builder.Property(s => s.Attempts).HasColumnName("attempts");
        builder.Property(s => s.StartedAt).HasColumnName("started_at");
        builder.Property(s => s.FinishedAt).HasColumnName("finished_at");
        builder.Property(s => s.Progress).HasColumnName("progress");
        builder.Property(s => s.Findings).HasColumnName("findings").HasColumnType("jsonb");
        builder.Property(s => s.Output).HasColumnName("output").HasColumnType("jsonb");
        builder.Property(s => s.Error).HasColumnName("error");
    }
}
