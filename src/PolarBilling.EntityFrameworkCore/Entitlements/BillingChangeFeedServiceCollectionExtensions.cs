using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PolarBilling.Entitlements;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>Registers the change notifier the store reports commits to, and the PostgreSQL change listener.</summary>
internal static class BillingChangeFeedServiceCollectionExtensions
{
    public static IServiceCollection AddBillingChangeFeed<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddBillingChangeNotifier();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BillingChangeListener<TContext>>());
        return services;
    }
}
