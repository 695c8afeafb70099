using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarBilling.Usage;

namespace PolarBilling.EntityFrameworkCore;

internal sealed class UsageWindowConfiguration : IEntityTypeConfiguration<UsageWindow>
{
    public void Configure(EntityTypeBuilder<UsageWindow> builder)
    {
        builder.ToTable(BillingTables.UsageWindows);
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedOnAdd();
        builder.Property(w => w.UserId).HasMaxLength(255);
        builder.Property(w => w.Meter).HasMaxLength(64);
        builder.Property(w => w.Status).HasConversion<int>();
        builder.Property(w => w.ExternalId).HasMaxLength(64);
        builder.Property(w => w.LastError).HasMaxLength(1000);
        // One row per window part: the flusher's upsert target and what keeps a sent quantity from changing.
        builder.HasIndex(w => new { w.UserId, w.Meter, w.WindowStart, w.Part }).IsUnique().HasDatabaseName("ux_billing_usage_windows_window");
        builder.HasIndex(w => w.ExternalId).IsUnique().HasDatabaseName("ux_billing_usage_windows_external_id");
        // The sync worker's scan (sealed rows by id) and sealing (open rows).
        builder.HasIndex(w => new { w.Status, w.Id }).HasDatabaseName("ix_billing_usage_windows_sync");
        // Current usage of a period (sums, alerts).
        builder.HasIndex(w => new { w.UserId, w.PeriodStart }).HasDatabaseName("ix_billing_usage_windows_period");
    }
}
