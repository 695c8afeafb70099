using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarBilling.Usage;

namespace PolarBilling.EntityFrameworkCore;

internal sealed class UsageAlertConfiguration : IEntityTypeConfiguration<UsageAlert>
{
    public void Configure(EntityTypeBuilder<UsageAlert> builder)
    {
        builder.ToTable(BillingTables.UsageAlerts);
        // The key makes each threshold fire once per user, meter and period, even with several app instances.
        builder.HasKey(a => new { a.UserId, a.Meter, a.PeriodStart, a.Threshold });
        builder.Property(a => a.UserId).HasMaxLength(255);
        builder.Property(a => a.Meter).HasMaxLength(64);
    }
}
