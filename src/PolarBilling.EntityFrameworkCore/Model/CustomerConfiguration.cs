using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarBilling.Store;

namespace PolarBilling.EntityFrameworkCore;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<BillingCustomer>
{
    public void Configure(EntityTypeBuilder<BillingCustomer> builder)
    {
        builder.ConfigureRow(BillingTables.Customers);
        builder.Property(c => c.UserId).HasMaxLength(255);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.Name).HasMaxLength(255);

        // Not unique: a deleted Polar customer and its successor may share the external id.
        builder.HasIndex(c => c.UserId).HasDatabaseName("ix_billing_customers_user_id");
    }
}
