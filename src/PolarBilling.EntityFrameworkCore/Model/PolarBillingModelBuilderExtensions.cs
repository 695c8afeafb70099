using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PolarBilling.Inbox;
using PolarBilling.Notifications;
using PolarBilling.Store;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>Adds the <c>billing_*</c> tables to any <see cref="DbContext"/>'s model.</summary>
public static class PolarBillingModelBuilderExtensions
{
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private static readonly ValueConverter<DateTimeOffset?, long?> NullableUtcTicks =
        new(v => v.HasValue ? v.Value.UtcTicks : null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);

    /// <summary>
    /// Configures the PolarBilling tables (customers, subscriptions, orders, benefit grants, webhook inbox, notification
    /// outbox, usage windows and alerts) with their indexes. Call it from <c>OnModelCreating</c> and add a migration to your context.
    /// </summary>
    /// <param name="modelBuilder">Your model builder.</param>
    /// <param name="providerName">
    /// <c>Database.ProviderName</c> of your context. On SQLite, times are stored as UTC ticks so the dispatcher can
    /// compare them in SQL; elsewhere they are native timestamps.
    /// </param>
    /// <returns>The same builder.</returns>
    public static ModelBuilder ApplyPolarBilling(this ModelBuilder modelBuilder, string? providerName = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new CustomerConfiguration());
        modelBuilder.ApplyConfiguration(new SubscriptionConfiguration());
        modelBuilder.ApplyConfiguration(new OrderConfiguration());
        modelBuilder.ApplyConfiguration(new BenefitGrantConfiguration());
        modelBuilder.ApplyConfiguration(new WebhookInboxEntryConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationConfiguration());
        modelBuilder.ApplyConfiguration(new UsageWindowConfiguration());
        modelBuilder.ApplyConfiguration(new UsageAlertConfiguration());
        var sqlite = providerName?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true;
        foreach (var type in BillingTables.EntityTypes)
        {
            var entity = modelBuilder.Entity(type);
            foreach (var property in entity.Metadata.GetDeclaredProperties().Concat(entity.Metadata.GetProperties()).Distinct())
            {
                entity.Property(property.Name).HasColumnName(BillingTables.SnakeCase(property.Name));
                if (sqlite && property.ClrType == typeof(DateTimeOffset))
                {
                    entity.Property(property.Name).HasConversion(UtcTicks);
                }
                else if (sqlite && property.ClrType == typeof(DateTimeOffset?))
                {
                    entity.Property(property.Name).HasConversion(NullableUtcTicks);
                }
            }
        }

        return modelBuilder;
    }
}
