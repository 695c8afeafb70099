using Microsoft.EntityFrameworkCore;
using PolarBilling.Inbox;
using PolarBilling.Notifications;
using PolarBilling.Store;
using PolarBilling.Usage;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// A context holding only the billing tables. Use <see cref="PostgreSqlBillingDbContext"/> or
/// <see cref="SqliteBillingDbContext"/> (they ship migrations), or call
/// <see cref="PolarBillingModelBuilderExtensions.ApplyPolarBilling"/> from your own context.
/// </summary>
public abstract class PolarBillingDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    protected PolarBillingDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Customers (<c>billing_customers</c>).</summary>
    public DbSet<BillingCustomer> Customers => Set<BillingCustomer>();

    /// <summary>Subscriptions (<c>billing_subscriptions</c>).</summary>
    public DbSet<BillingSubscription> Subscriptions => Set<BillingSubscription>();

    /// <summary>Orders, the payment history (<c>billing_orders</c>).</summary>
    public DbSet<BillingOrder> Orders => Set<BillingOrder>();

    /// <summary>Benefit grants (<c>billing_benefit_grants</c>).</summary>
    public DbSet<BillingBenefitGrant> BenefitGrants => Set<BillingBenefitGrant>();

    /// <summary>The webhook inbox (<c>billing_webhook_events</c>).</summary>
    public DbSet<WebhookInboxEntry> WebhookEvents => Set<WebhookInboxEntry>();

    /// <summary>The notification outbox (<c>billing_notifications</c>).</summary>
    public DbSet<BillingNotification> Notifications => Set<BillingNotification>();

    /// <summary>Usage windows, recorded usage on its way to Polar (<c>billing_usage_windows</c>).</summary>
    public DbSet<UsageWindow> UsageWindows => Set<UsageWindow>();

    /// <summary>Usage alerts already fired (<c>billing_usage_alerts</c>).</summary>
    public DbSet<UsageAlert> UsageAlerts => Set<UsageAlert>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyPolarBilling(Database.ProviderName);
    }
}
