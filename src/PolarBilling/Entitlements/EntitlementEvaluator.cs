using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using PolarBilling.Plans;
using PolarBilling.Store;

namespace PolarBilling.Entitlements;

/// <summary>
/// Turns a user's projected subscriptions and orders into <see cref="UserEntitlements"/> at one instant. Pure apart
/// from logging: the same rows, time and catalog always give the same result.
/// </summary>
internal sealed partial class EntitlementEvaluator(BillingPlanCatalog catalog, TimeSpan pastDueGracePeriod, ILogger logger)
{
    /// <summary>Evaluates the entitlements of <paramref name="userId"/> at <paramref name="now"/>.</summary>
    public UserEntitlements Evaluate(
        string userId, IReadOnlyList<BillingSubscription> subscriptions, IReadOnlyList<BillingOrder> orders, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(orders);
        BillingPlan plan = catalog.Free;
        BillingSubscription? granting = null;
        DateTimeOffset? accessUntil = null;
        foreach (var subscription in subscriptions)
        {
            var candidate = PlanOf(subscription);
            if (candidate is null || !SubscriptionAccess.Grants(subscription, now, pastDueGracePeriod, out var until))
            {
                continue;
            }

            if (granting is null || candidate.Rank > plan.Rank || (candidate.Rank == plan.Rank && Later(until, accessUntil)))
            {
                (plan, granting, accessUntil) = (candidate, subscription, until);
            }
        }

        var purchases = Purchases(orders);
        if (purchases.Count == 0)
        {
            return new UserEntitlements(userId, plan, granting?.Id, granting?.Status, accessUntil, plan.Features, plan.Limits, FrozenSet<string>.Empty);
        }

        var features = new HashSet<string>(plan.Features, StringComparer.Ordinal);
        var limits = new Dictionary<string, long>(plan.Limits, StringComparer.Ordinal);
        foreach (var product in purchases)
        {
            features.UnionWith(product.Features);
            foreach (var (name, value) in product.Limits)
            {
                limits[name] = limits.TryGetValue(name, out var current) ? Math.Max(current, value) : value;
            }
        }

        return new UserEntitlements(
            userId, plan, granting?.Id, granting?.Status, accessUntil,
            features.ToFrozenSet(StringComparer.Ordinal),
            limits.ToFrozenDictionary(StringComparer.Ordinal),
            purchases.Select(p => p.Key).ToFrozenSet(StringComparer.Ordinal));
    }

    private BillingPlan? PlanOf(BillingSubscription subscription)
    {
        var plan = catalog.FindByProductId(subscription.ProductId) ?? catalog.Find(subscription.PlanKey);
        if (plan is { Kind: BillingPlanKind.Subscription })
        {
            return plan;
        }

        LogUnknownProduct(logger, subscription.Id, subscription.ProductId, subscription.PlanKey);
        return null;
    }

    private List<BillingPlan> Purchases(IReadOnlyList<BillingOrder> orders)
    {
        var bought = new List<BillingPlan>();
        foreach (var order in orders)
        {
            if (!IsKept(order) || catalog.FindByProductId(order.ProductId) is not { Kind: BillingPlanKind.OneTime } product)
            {
                continue;
            }

            if (!bought.Contains(product))
            {
                bought.Add(product);
            }
        }

        return bought;
    }

    /// <summary>A paid order that was not refunded in full (and not voided).</summary>
    private static bool IsKept(BillingOrder order) =>
        order.Paid
        && order.Status is not ("refunded" or "void" or "pending")
        && (order.TotalAmount == 0 || order.RefundedAmount < order.TotalAmount);

    /// <summary>Whether <paramref name="candidate"/> ends later than <paramref name="current"/> (null = never ends).</summary>
    private static bool Later(DateTimeOffset? candidate, DateTimeOffset? current) =>
        current is not null && (candidate is null || candidate > current);

    [LoggerMessage(1, LogLevel.Warning, "Subscription {SubscriptionId} is for product {ProductId} (plan key {PlanKey}), which is no subscription plan of the catalog: it grants nothing. Add the product to Polar:Plans.")]
    private static partial void LogUnknownProduct(ILogger logger, string subscriptionId, string productId, string? planKey);
}
