using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Catalog.Persistence.Configurations;

internal sealed class CollectionConfiguration : IEntityTypeConfiguration<CollectionRecord>
{
    public void Configure(EntityTypeBuilder<CollectionRecord> builder)
    {
        builder.ToTable("collections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").HasMaxLength(200);
        builder.Property(c => c.Title).HasColumnName("title");
        builder.Property(c => c.Description).HasColumnName("description");
        builder.Property(c => c.Document).HasColumnName("document").HasColumnType("jsonb");
        builder.Property(c => c.ProviderOrganization).HasColumnName("provider_organization");
        builder.Property(c => c.UpdatedAt).HasColumnName("updated_at");
    }
}

internal sealed class ItemConfiguration : IEntityTypeConfiguration<ItemRecord>
{
    public void Configure(EntityTypeBuilder<ItemRecord> builder)
    {
        builder.ToTable("items");
        builder.HasKey(i => new { i.CollectionId, i.Id });
        builder.Property(i => i.CollectionId).HasColumnName("collection_id").HasMaxLength(200);
        builder.HasOne<CollectionRecord>().WithMany().HasForeignKey(i => i.CollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Id).HasColumnName("id").HasMaxLength(200);
        builder.Property(i => i.Geometry).HasColumnName("geometry").HasColumnType("geometry(Geometry, 4326)");
        // The footprint index (GiST over the geometry, the acquisition period, the collection and the cloud cover, with
        // btree_gist) is created in SQL by the migration AddFootprintSearchIndex: EF cannot model its expression column.
        builder.Property(i => i.Datetime).HasColumnName("datetime");
        builder.Property(i => i.StartDatetime).HasColumnName("start_datetime");
        builder.Property(i => i.EndDatetime).HasColumnName("end_datetime");
        builder.Property(i => i.Properties).HasColumnName("properties").HasColumnType("jsonb");
        builder.Property(i => i.Assets).HasColumnName("assets").HasColumnType("jsonb");
        builder.Property(i => i.StacExtensions).HasColumnName("stac_extensions");
        builder.Property(i => i.Links).HasColumnName("links").HasColumnType("jsonb");
        builder.Property(i => i.Grade).HasColumnName("grade").HasMaxLength(40);
        builder.Property(i => i.Published).HasColumnName("published");
        builder.Property(i => i.ProviderOrganization).HasColumnName("provider_organization");
        builder.Property(i => i.UpdatedAt).HasColumnName("updated_at");
        // Keyset order of search results: newest first, then collection and id, so pages never overlap.
        builder.HasIndex(i => new { i.StartDatetime, i.CollectionId, i.Id }).IsDescending(true, false, false).HasDatabaseName("ix_items_keyset");
        builder.HasIndex(i => new { i.CollectionId, i.StartDatetime }).IsDescending(false, true);
        builder.HasIndex(i => i.EndDatetime);
    }
}
