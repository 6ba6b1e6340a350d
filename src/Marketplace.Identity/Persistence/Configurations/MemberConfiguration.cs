using Marketplace.Identity.Members;
using Marketplace.Identity.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Identity.Persistence.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("id");
        builder.Property(m => m.OrganizationId).HasColumnName("organization_id");
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Email).HasColumnName("email").HasMaxLength(254);
        builder.HasIndex(m => m.Email).IsUnique();
        builder.Property(m => m.DisplayName).HasColumnName("display_name").HasMaxLength(200);
        builder.Property(m => m.Roles).HasColumnName("roles");
        builder.Property(m => m.PasswordHash).HasColumnName("password_hash").HasMaxLength(200);
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        builder.Property(m => m.RemovedAt).HasColumnName("removed_at");
        builder.Ignore(m => m.IsActive);
    }
}
