using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolarBilling.AspNetCore.Identity;
using PolarBilling.AspNetCore.Projection;
using PolarBilling.AspNetCore.Security;
using PolarBilling.AspNetCore.Subscriptions;
using PolarBilling.AspNetCore.Webhooks;
using PolarBilling.Diagnostics;
using PolarBilling.Projection;

namespace PolarBilling.AspNetCore.Endpoints;

/// <summary>The services behind <c>MapPolarBilling()</c> and the identity mapping. Safe to call twice.</summary>
internal static class BillingEndpointsServiceCollectionExtensions
{
    public static IServiceCollection AddBillingEndpointsServices(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddProblemDetails();
        services.AddAntiforgery();
        services.TryAddSingleton<PolarBillingMetrics>();
        services.TryAddSingleton(sp => new BillingProjector(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<WebhookSignatureCheck>();
        services.TryAddSingleton<CheckoutRateLimiter>();
        services.TryAddSingleton<IBillingUserResolver, ClaimsBillingUserResolver>();
        services.TryAddSingleton<ImmediateProjection>();
        services.TryAddSingleton<IBillingCustomers, BillingCustomers>();
        services.TryAddSingleton<SubscriptionViews>();
        services.TryAddSingleton<BillingServices>();
        return services;
    }
}
