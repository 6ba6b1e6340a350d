using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Platform.Audit.Persistence.Configurations;

internal sealed class EntryConfiguration : IEntityTypeConfiguration<EntryRecord>
{
    public void Configure(EntityTypeBuilder<EntryRecord> builder)
    {
        builder.ToTable("entries");
        builder.HasKey(e => e.LeafIndex);
        builder.Property(e => e.LeafIndex).HasColumnName("leaf_index").ValueGeneratedNever();
        builder.Property(e => e.Action).HasColumnName("action").HasMaxLength(100);
        builder.Property(e => e.Organizations).HasColumnName("organizations");
        builder.HasIndex(e => e.Organizations).HasMethod("gin");
        builder.Property(e => e.RecordedAt).HasColumnName("recorded_at");
        builder.Property(e => e.Entry).HasColumnName("entry");
        builder.Property(e => e.LeafHash).HasColumnName("leaf_hash");
    }
}

internal sealed class SubtreeConfiguration : IEntityTypeConfiguration<SubtreeRecord>
{
    public void Configure(EntityTypeBuilder<SubtreeRecord> builder)
    {
        builder.ToTable("subtrees");
        builder.HasKey(s => new { s.Level, s.Index });
        builder.Property(s => s.Level).HasColumnName("level");
        builder.Property(s => s.Index).HasColumnName("idx");
        builder.Property(s => s.Hash).HasColumnName("hash");
    }
}

internal sealed class PendingConfiguration : IEntityTypeConfiguration<PendingRecord>
{
    public void Configure(EntityTypeBuilder<PendingRecord> builder)
    {
        builder.ToTable("pending");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(p => p.Action).HasColumnName("action").HasMaxLength(100);
        builder.Property(p => p.Organizations).HasColumnName("organizations");
        builder.Property(p => p.RecordedAt).HasColumnName("recorded_at");
        builder.Property(p => p.Entry).HasColumnName("entry");
    }
}

internal sealed class TreeStateConfiguration : IEntityTypeConfiguration<TreeStateRecord>
{
    public void Configure(EntityTypeBuilder<TreeStateRecord> builder)
    {
        builder.ToTable("tree_state", t => t.HasCheckConstraint("ck_tree_state_single_row", "id = 1"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.Size).HasColumnName("size");
        builder.Property(s => s.Root).HasColumnName("root");
        builder.Property(s => s.Frontier).HasColumnName("frontier");
        builder.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        builder.HasData(new TreeStateRecord
        {
            Id = 1,
            Size = 0,
            Root = MerkleHash.EmptyRoot.ToArray(),
            Frontier = [],
            UpdatedAt = DateTimeOffset.UnixEpoch,
        });
    }
}

internal sealed class TreeHeadConfiguration : IEntityTypeConfiguration<TreeHeadRecord>
{
    public void Configure(EntityTypeBuilder<TreeHeadRecord> builder)
    {
        builder.ToTable("tree_heads");
        builder.HasKey(h => h.TreeSize);
        builder.Property(h => h.TreeSize).HasColumnName("tree_size").ValueGeneratedNever();
        builder.Property(h => h.RootHash).HasColumnName("root_hash");
        builder.Property(h => h.Timestamp).HasColumnName("timestamp");
        builder.Property(h => h.KeyId).HasColumnName("key_id").HasMaxLength(100);
        builder.Property(h => h.Jws).HasColumnName("jws");
    }
}
