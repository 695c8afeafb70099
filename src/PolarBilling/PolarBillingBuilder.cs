using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolarBilling.Notifications;
using PolarBilling.Plans;

namespace PolarBilling;

/// <summary>Returned by <c>AddPolarBilling()</c>: the store, plans and notification handlers hang off it.</summary>
public sealed class PolarBillingBuilder
{
    /// <summary>Creates a builder over a service collection (called by <c>AddPolarBilling</c>).</summary>
    /// <param name="services">The service collection.</param>
    public PolarBillingBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds or replaces a plan in code (configuration can still add others).</summary>
    /// <param name="key">The plan key, e.g. <c>pro</c>.</param>
    /// <param name="configure">Sets the plan.</param>
    /// <returns>This builder.</returns>
    public PolarBillingBuilder AddPlan(string key, Action<BillingPlanOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<PolarBillingOptions>(options =>
        {
            var plan = new BillingPlanOptions();
            configure(plan);
            options.Plans[key] = plan;
        });
        return this;
    }

    /// <summary>Registers a notification handler (scoped); it receives each app notification until it returns without an exception.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public PolarBillingBuilder AddNotificationHandler<THandler>()
        where THandler : class, IBillingNotificationHandler
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IBillingNotificationHandler, THandler>());
        return this;
    }
}
