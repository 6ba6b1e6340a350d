using Marketplace.Ingestion.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Ingestion.Persistence.Configurations;

internal sealed class ProductAssetConfiguration : IEntityTypeConfiguration<ProductAsset>
{
    public void Configure(EntityTypeBuilder<ProductAsset> builder)
    {
        builder.ToTable("product_assets");
        builder.HasKey(a => new { a.ProductId, a.Key });
        builder.Property(a => a.ProductId).HasColumnName("product_id");
        builder.Property(a => a.Key).HasColumnName("key").HasMaxLength(100);
        builder.Property(a => a.Roles).HasColumnName("roles");
        builder.Property(a => a.MediaType).HasColumnName("media_type").HasMaxLength(255);
        builder.Property(a => a.Title).HasColumnName("title").HasMaxLength(300);
        builder.Property(a => a.UploadId).HasColumnName("upload_id");
        builder.HasIndex(a => a.UploadId).IsUnique().HasDatabaseName("ux_product_assets_upload");
        builder.Property(a => a.DerivedFrom).HasColumnName("derived_from").HasMaxLength(100);
        builder.Property(a => a.BlobName).HasColumnName("blob_name").HasMaxLength(300);
        builder.Property(a => a.BlobETag).HasColumnName("blob_etag").HasMaxLength(100);
        builder.Property(a => a.InStaging).HasColumnName("in_staging");
        builder.Property(a => a.DeclaredSha256).HasColumnName("declared_sha256").HasMaxLength(64);
        builder.Property(a => a.Sha256).HasColumnName("sha256").HasMaxLength(64);
        builder.Property(a => a.Size).HasColumnName("size");
        builder.Property(a => a.DetectedFormat).HasColumnName("detected_format").HasMaxLength(100);
        builder.Property(a => a.TimeSeries).HasColumnName("time_series").HasColumnType("jsonb");
    }
}
