using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarBilling.Store;

namespace PolarBilling.EntityFrameworkCore;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<BillingSubscription>
{
    public void Configure(EntityTypeBuilder<BillingSubscription> builder)
    {
        builder.ConfigureRow(BillingTables.Subscriptions);
        builder.Property(s => s.CustomerId).HasMaxLength(64);
        builder.Property(s => s.ProductId).HasMaxLength(64);
        builder.Property(s => s.PlanKey).HasMaxLength(100);
        builder.Property(s => s.Status).HasMaxLength(32);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.RecurringInterval).HasMaxLength(16);
        builder.HasIndex(s => new { s.CustomerId, s.Status }).HasDatabaseName("ix_billing_subscriptions_customer_id_status");
    }
}
