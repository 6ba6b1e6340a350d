using Marketplace.Identity.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Identity.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasColumnName("id");
        builder.Property(o => o.Slug).HasColumnName("slug").HasMaxLength(64);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.Name).HasColumnName("name").HasMaxLength(200);
        builder.Property(o => o.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Clearance).HasColumnName("clearance").HasMaxLength(40);
        builder.Property(o => o.CreatedAt).HasColumnName("created_at");
    }
}
