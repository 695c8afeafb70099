using Microsoft.Extensions.Options;
using PolarBilling.AspNetCore.Identity;
using PolarBilling.AspNetCore.Projection;
using PolarBilling.AspNetCore.Subscriptions;
using PolarBilling.Client;
using PolarBilling.Diagnostics;
using PolarBilling.Plans;
using PolarBilling.Store;

namespace PolarBilling.AspNetCore.Endpoints;

/// <summary>What the billing handlers share, injected as one parameter (the eShop "services" idiom).</summary>
internal sealed class BillingServices(
    PolarClient polar,
    IBillingUserResolver users,
    IBillingReadStore store,
    BillingPlanCatalog catalog,
    SubscriptionViews views,
    ImmediateProjection projection,
    PolarBillingMetrics metrics,
    IOptions<PolarBillingOptions> options)
{
    public PolarClient Polar { get; } = polar;

    public IBillingUserResolver Users { get; } = users;

    public IBillingReadStore Store { get; } = store;

    public BillingPlanCatalog Catalog { get; } = catalog;

    public SubscriptionViews Views { get; } = views;

    public ImmediateProjection Projection { get; } = projection;

    public PolarBillingMetrics Metrics { get; } = metrics;

    public PolarBillingOptions Options { get; } = options.Value;

    /// <summary>The paid plan keys, for "valid keys are …" messages.</summary>
    public string PaidPlanKeys => string.Join(", ", Catalog.Plans.Where(p => p.Kind != BillingPlanKind.Free).Select(p => p.Key));
}
