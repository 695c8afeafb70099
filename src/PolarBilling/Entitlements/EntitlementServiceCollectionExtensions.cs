using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolarBilling.Plans;
using PolarBilling.Store;

namespace PolarBilling.Entitlements;

/// <summary>Registers the entitlement cache and the change notifier that invalidates it.</summary>
internal static class EntitlementServiceCollectionExtensions
{
    /// <summary>The change notifier (fan-out to <see cref="IBillingChangeListener"/>s). Safe to call twice.</summary>
    public static IServiceCollection AddBillingChangeNotifier(this IServiceCollection services)
    {
        services.TryAddSingleton<IBillingChangeNotifier>(sp => new BillingChangeNotifier(
            sp.GetServices<IBillingChangeListener>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<BillingChangeNotifier>() ?? NullLogger<BillingChangeNotifier>.Instance));
        return services;
    }

    /// <summary><see cref="IEntitlements"/> (the cache) over the registered <see cref="IBillingReadStore"/>. Safe to call twice.</summary>
    public static IServiceCollection AddEntitlementCache(this IServiceCollection services)
    {
        services.AddBillingChangeNotifier();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEntitlements>(sp => new EntitlementCache(
            sp.GetRequiredService<IBillingReadStore>(),
            sp.GetRequiredService<BillingPlanCatalog>(),
            sp.GetRequiredService<IOptions<PolarBillingOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<EntitlementCache>() ?? NullLogger<EntitlementCache>.Instance));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBillingChangeListener, EntitlementCacheListener>());
        return services;
    }
}
