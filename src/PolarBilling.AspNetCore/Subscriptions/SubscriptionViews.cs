using PolarBilling.Entitlements;
using PolarBilling.Plans;
using PolarBilling.Store;

namespace PolarBilling.AspNetCore.Subscriptions;

/// <summary>
/// Builds <see cref="SubscriptionView"/> from the user's entitlements and projected subscription. The plan is what
/// grants access; a subscription that is still running without granting it (past_due after the grace period) is still
/// shown with its status and dates.
/// </summary>
internal sealed class SubscriptionViews(IEntitlements entitlements, IBillingReadStore store, BillingPlanCatalog catalog)
{
    /// <summary>Statuses of a subscription that is still running (can be changed, canceled or resumed).</summary>
    public static readonly string[] Running = ["active", "trialing", "past_due"];

    public async Task<SubscriptionView> GetAsync(string userId, string? pendingProductId, CancellationToken cancellationToken)
    {
        var granted = await entitlements.GetAsync(userId, cancellationToken);

        // No access but still running (past_due beyond the grace period): show it, so the page can ask for a new card.
        var row = granted.SubscriptionId is { } id
            ? await FindAsync(userId, s => s.Id == id, cancellationToken)
            : await FindRunningAsync(userId, cancellationToken);
        return new SubscriptionView(
            granted.Plan.Key,
            granted.Plan.Name,
            granted.Status ?? row?.Status,
            granted.SubscriptionId ?? row?.Id,
            row?.CurrentPeriodStart,
            row?.CurrentPeriodEnd,
            row?.TrialStart,
            row?.TrialEnd,
            row?.CancelAtPeriodEnd ?? false,
            row?.EndsAt,
            granted.AccessUntil,
            [.. granted.Features.Order(StringComparer.Ordinal)],
            granted.Limits.OrderBy(l => l.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal),
            [.. granted.Purchases.Order(StringComparer.Ordinal)],
            catalog.FindByProductId(pendingProductId)?.Key);
    }

    /// <summary>The user's newest running subscription, or <see langword="null"/>.</summary>
    public Task<BillingSubscription?> FindRunningAsync(string userId, CancellationToken cancellationToken) =>
        FindAsync(userId, s => Running.Contains(s.Status, StringComparer.Ordinal), cancellationToken);

    private async Task<BillingSubscription?> FindAsync(string userId, Func<BillingSubscription, bool> match, CancellationToken cancellationToken)
    {
        if (await store.FindCustomerByUserIdAsync(userId, cancellationToken) is not { } customer)
        {
            return null;
        }

        return (await store.ListSubscriptionsAsync(customer.Id, null, cancellationToken)).FirstOrDefault(match);
    }
}
