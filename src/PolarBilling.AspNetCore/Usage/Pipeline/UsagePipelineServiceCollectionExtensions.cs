using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PolarBilling.Entitlements;
using PolarBilling.Plans;
using PolarBilling.Store;
using PolarBilling.Usage;
using PolarBilling.Usage.Alerts;
using PolarBilling.Usage.Flushing;
using PolarBilling.Usage.Periods;
using PolarBilling.Usage.Recording;
using PolarBilling.Usage.Sync;

namespace PolarBilling.AspNetCore.Usage.Pipeline;

/// <summary>The usage pipeline: the in-memory meter, the flusher and its worker, the sync to Polar and its worker. Safe to call twice.</summary>
internal static class UsagePipelineServiceCollectionExtensions
{
    public static IServiceCollection AddBillingUsagePipeline(this IServiceCollection services)
    {
        services.TryAddSingleton<UsageAggregator>();
        services.TryAddSingleton<IUsageMeter>(sp => sp.GetRequiredService<UsageAggregator>());
        services.TryAddSingleton(sp => new UsagePeriodResolver(sp.GetRequiredService<IBillingReadStore>(), sp.GetRequiredService<BillingPlanCatalog>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBillingChangeListener, UsagePeriodCacheListener>());
        services.TryAddSingleton<UsageAlertEvaluator>();
        services.TryAddSingleton<UsageFlusher>();
        services.TryAddSingleton<UsageEvents>();
        services.TryAddSingleton<UsageSynchronizer>();
        services.TryAddSingleton<IUsageSync>(sp => sp.GetRequiredService<UsageSynchronizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, UsageFlushWorker>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, UsageSyncWorker>());
        return services;
    }
}
