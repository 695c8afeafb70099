using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarBilling.Store;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>The columns every projected row shares: Polar id key, data version and the concurrency token.</summary>
internal static class BillingRowConfiguration
{
    public static void ConfigureRow<T>(this EntityTypeBuilder<T> builder, string table)
        where T : BillingRow
    {
        builder.ToTable(table);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(64);
        builder.Property(r => r.RowVersion).IsConcurrencyToken();
    }
}
