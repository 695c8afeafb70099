using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.AspNetCore.Identity;
using PolarBilling.Usage;

namespace PolarBilling.AspNetCore.Usage;

/// <summary>
/// Puts the usage middleware first in every app, so <c>.TrackUsage()</c> works without a <c>Use…</c> call. It reads
/// the endpoint and user after the rest of the pipeline ran, so routing and authentication may come later. When the
/// app places it itself with <c>UsePolarBillingUsage()</c>, this one steps aside (decided once, when the pipeline is
/// built), so a call is never counted twice.
/// </summary>
internal sealed class UsageTrackingStartupFilter : IStartupFilter
{
    public const string PlacedByAppKey = "PolarBilling.UsageMiddleware.PlacedByApp";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Without a usage meter (a host that removed the pipeline) there is nothing to record into: step aside.
        app.Use(inner => app.Properties.ContainsKey(PlacedByAppKey) || app.ApplicationServices.GetService<IUsageMeter>() is null
            ? inner
            : Create(app.ApplicationServices, inner));
        next(app);
    };

    public static RequestDelegate Create(IServiceProvider services, RequestDelegate inner) =>
        new UsageTrackingMiddleware(inner, services.GetRequiredService<IUsageMeter>(), services.GetRequiredService<IBillingUserResolver>()).InvokeAsync;
}
