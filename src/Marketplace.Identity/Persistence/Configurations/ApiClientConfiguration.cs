using Marketplace.Identity.Clients;
using Marketplace.Identity.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Identity.Persistence.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("api_clients");
        builder.HasKey(c => c.ClientId);
        builder.Property(c => c.ClientId).HasColumnName("client_id").HasMaxLength(100);
        builder.Property(c => c.OrganizationId).HasColumnName("organization_id");
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.OrganizationId);
        builder.Property(c => c.DisplayName).HasColumnName("display_name").HasMaxLength(200);
        builder.Property(c => c.Roles).HasColumnName("roles");
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.SecretRotatedAt).HasColumnName("secret_rotated_at");
        builder.Property(c => c.RevokedAt).HasColumnName("revoked_at");
        builder.Ignore(c => c.IsActive);
    }
}
