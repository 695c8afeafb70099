using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PolarBilling.Notifications;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>Returned by <c>AddPolarBillingStore</c>; further store options hang off it.</summary>
public sealed class PolarBillingStoreBuilder
{
    internal PolarBillingStoreBuilder(IServiceCollection services, Type contextType)
    {
        Services = services;
        ContextType = contextType;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The <c>DbContext</c> type holding the billing tables.</summary>
    public Type ContextType { get; }

    /// <summary>
    /// Opt-in: apply the context's pending migrations when the host starts, before the dispatcher runs. Off by default,
    /// because many teams migrate from a deployment step instead.
    /// </summary>
    /// <returns>This builder.</returns>
    public PolarBillingStoreBuilder MigrateOnStartup()
    {
        var serviceType = typeof(BillingMigrationService<>).MakeGenericType(ContextType);
        if (!Services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == serviceType))
        {
            // First in line: hosted services start in registration order.
            Services.Insert(0, ServiceDescriptor.Singleton(typeof(IHostedService), serviceType));
        }

        return this;
    }

    /// <summary>Registers a notification handler (scoped). Handlers receive each notification until they return without an exception.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public PolarBillingStoreBuilder AddNotificationHandler<THandler>()
        where THandler : class, IBillingNotificationHandler
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IBillingNotificationHandler, THandler>());
        return this;
    }
}
