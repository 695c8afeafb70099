using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Hosting;
using PolarBilling.Diagnostics;
using PolarBilling.Entitlements;

namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>Registers entitlements (the cache over the store) and gating (handler, 403 body, startup check).</summary>
internal static class EntitlementsServiceCollectionExtensions
{
    public static IServiceCollection AddBillingEntitlementsServices(this IServiceCollection services)
    {
        services.AddEntitlementCache();
        services.AddMetrics();
        services.TryAddSingleton<PolarBillingMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, EntitlementAuthorizationHandler>());

        // Added (not TryAdd) so it wins over the default whether AddAuthorization() runs before or after this.
        if (!services.Any(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler) && d.ImplementationType == typeof(EntitlementDenialResultHandler)))
        {
            services.AddSingleton<IAuthorizationMiddlewareResultHandler, EntitlementDenialResultHandler>();
        }

        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, EntitlementGateValidator>());
        return services;
    }
}
