using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarBilling.Store;

namespace PolarBilling.EntityFrameworkCore;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<BillingOrder>
{
    public void Configure(EntityTypeBuilder<BillingOrder> builder)
    {
        builder.ConfigureRow(BillingTables.Orders);
        builder.Property(o => o.CustomerId).HasMaxLength(64);
        builder.Property(o => o.SubscriptionId).HasMaxLength(64);
        builder.Property(o => o.ProductId).HasMaxLength(64);
        builder.Property(o => o.Status).HasMaxLength(32);
        builder.Property(o => o.BillingReason).HasMaxLength(32);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.InvoiceNumber).HasMaxLength(64);
        builder.HasIndex(o => o.CustomerId).HasDatabaseName("ix_billing_orders_customer_id");
        builder.HasIndex(o => o.SubscriptionId).HasDatabaseName("ix_billing_orders_subscription_id");
    }
}
