using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Platform.Jobs.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(j => j.Queue).HasColumnName("queue").HasMaxLength(100);
        builder.Property(j => j.Payload).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(j => j.DedupeKey).HasColumnName("dedupe_key").HasMaxLength(300);
        builder.HasIndex(j => j.DedupeKey).IsUnique().HasDatabaseName("ux_jobs_dedupe_key");
        builder.Property(j => j.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Attempts).HasColumnName("attempts");
        builder.Property(j => j.MaxAttempts).HasColumnName("max_attempts");
        builder.Property(j => j.RunAfter).HasColumnName("run_after");
        builder.Property(j => j.LockedBy).HasColumnName("locked_by").HasMaxLength(200);
        builder.Property(j => j.LockedUntil).HasColumnName("locked_until");
        builder.Property(j => j.LastError).HasColumnName("last_error");
        builder.Property(j => j.CreatedAt).HasColumnName("created_at");
        builder.Property(j => j.FinishedAt).HasColumnName("finished_at");
        // Workers claim the next due job of their queues: waiting jobs by due time, and running jobs whose lease ran out.
        builder.HasIndex(j => new { j.Queue, j.RunAfter }).HasFilter("state = 'Queued'").HasDatabaseName("ix_jobs_due");
        builder.HasIndex(j => new { j.Queue, j.LockedUntil }).HasFilter("state = 'Running'").HasDatabaseName("ix_jobs_leases");
    }
}
