using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PolarBilling.Inbox;
using PolarBilling.Notifications;
using PolarBilling.Projection;
using PolarBilling.Reconciliation;
using PolarBilling.Store;
using PolarBilling.Usage;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>Registers the EF Core billing store, inbox, dispatcher and notification delivery.</summary>
public static class PolarBillingStoreServiceCollectionExtensions
{
    /// <summary>
    /// Uses the billing tables of <typeparamref name="TContext"/>, whose model called
    /// <see cref="PolarBillingModelBuilderExtensions.ApplyPolarBilling"/>. Register its factory first
    /// (<c>services.AddDbContextFactory&lt;TContext&gt;(…)</c>). Safe to call twice.
    /// </summary>
    /// <typeparam name="TContext">Your context.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder for further options.</returns>
    public static PolarBillingStoreBuilder AddPolarBillingStore<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WebhookInboxOptions>();
        services.AddOptions<WebhookDispatcherOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BillingProjector(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<DispatchSignal>();
        services.TryAddSingleton<IWebhookInbox, EfWebhookInbox<TContext>>();
        services.TryAddSingleton<IWebhookDispatcher, WebhookDispatcher<TContext>>();
        services.TryAddSingleton<INotificationDispatcher, NotificationDispatcher<TContext>>();
        services.TryAddSingleton<IBillingReadStore, EfBillingReadStore<TContext>>();
        services.TryAddSingleton<IBillingUnitOfWorkFactory, EfBillingUnitOfWorkFactory<TContext>>();
        services.TryAddSingleton<EfUsageStore<TContext>>();
        services.TryAddSingleton<IUsageStore>(sp => sp.GetRequiredService<EfUsageStore<TContext>>());
        services.TryAddSingleton<IUsageWindowStore>(sp => sp.GetRequiredService<EfUsageStore<TContext>>());
        services.AddBillingStoreDiagnostics<TContext>();
        services.AddBillingChangeFeed<TContext>();

        // Resolvable once the app registers a PolarClient (AddPolarClient).
        services.TryAddTransient<BillingReconciler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BillingDispatchWorker>());
        return new PolarBillingStoreBuilder(services, typeof(TContext));
    }

    /// <summary>The billing tables in their own PostgreSQL context (<see cref="PostgreSqlBillingDbContext"/>, with migrations).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>A builder for further options.</returns>
    public static PolarBillingStoreBuilder AddPolarBillingPostgreSql(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddDbContextFactory<PostgreSqlBillingDbContext>(o => o.UseNpgsql(connectionString));
        return services.AddPolarBillingStore<PostgreSqlBillingDbContext>();
    }

    /// <summary>The billing tables in their own SQLite context (<see cref="SqliteBillingDbContext"/>, with migrations). One dispatcher writes at a time.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <returns>A builder for further options.</returns>
    public static PolarBillingStoreBuilder AddPolarBillingSqlite(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddDbContextFactory<SqliteBillingDbContext>(o => o.UseSqlite(connectionString));
        return services.AddPolarBillingStore<SqliteBillingDbContext>();
    }
}
