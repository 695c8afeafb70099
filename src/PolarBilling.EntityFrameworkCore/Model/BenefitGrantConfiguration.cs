using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarBilling.Store;

namespace PolarBilling.EntityFrameworkCore;

internal sealed class BenefitGrantConfiguration : IEntityTypeConfiguration<BillingBenefitGrant>
{
    public void Configure(EntityTypeBuilder<BillingBenefitGrant> builder)
    {
        builder.ConfigureRow(BillingTables.BenefitGrants);
        builder.Property(g => g.CustomerId).HasMaxLength(64);
        builder.Property(g => g.BenefitId).HasMaxLength(64);
        builder.Property(g => g.BenefitType).HasMaxLength(64);
        builder.Property(g => g.SubscriptionId).HasMaxLength(64);
        builder.Property(g => g.OrderId).HasMaxLength(64);
        builder.HasIndex(g => new { g.CustomerId, g.IsGranted }).HasDatabaseName("ix_billing_benefit_grants_customer_id_is_granted");
    }
}
