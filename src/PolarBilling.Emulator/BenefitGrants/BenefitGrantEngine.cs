using PolarBilling.Client;
using PolarBilling.Emulator.Products;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.BenefitGrants;

/// <summary>
/// Grants and revokes a product's benefits for a purchase, as Polar's <c>benefit/grant/service.py</c>
/// <c>enqueue_benefits_grants</c> does: one grant per benefit and scope (an order or a subscription), revoking grants
/// whose benefit the product no longer has. Seat-based subscriptions get their benefits through claimed seats instead.
/// Call under the state lock.
/// </summary>
internal static class BenefitGrantEngine
{
    /// <summary>Grants a one-time product's benefits for a paid order (scope: the order).</summary>
    public static void GrantForOrder(EmulatorState state, Order order)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(order);
        if (state.Products.Find(order.ProductId) is not { } product || state.Customers.Find(order.CustomerId) is not { } customer)
        {
            return;
        }

        Sync(state, customer, ProductViews.Refresh(state, product), new GrantScope(null, order.Id), grant: true);
    }

    /// <summary>Grants the subscription's product benefits (scope: the subscription), revoking ones of a previous product.</summary>
    public static void GrantForSubscription(EmulatorState state, Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(subscription);
        SyncSubscription(state, subscription, grant: true);
    }

    /// <summary>Revokes every grant the subscription gave (on revocation, end of a canceled period, past due).</summary>
    public static void RevokeForSubscription(EmulatorState state, Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(subscription);
        SyncSubscription(state, subscription, grant: false);
    }

    /// <summary>A seat holder claimed a seat: the product's benefits are granted to them (scope: the subscription or order of the seat).</summary>
    public static void GrantForSeatHolder(EmulatorState state, string productId, GrantScope scope, string holderCustomerId)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(scope);
        if (state.Products.Find(productId) is { } product && state.Customers.Find(holderCustomerId) is { } holder)
        {
            Sync(state, holder, ProductViews.Refresh(state, product), scope, grant: true);
        }
    }

    /// <summary>A seat was revoked: its former holder's grants from the seat's subscription (or order) are revoked.</summary>
    public static void RevokeForSeatHolder(EmulatorState state, string containerId, string holderCustomerId, bool isOrder)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var grant in state.BenefitGrants.All.Where(g => g.CustomerId == holderCustomerId && g.IsGranted
            && (isOrder ? g.OrderId == containerId : g.SubscriptionId == containerId)).ToList())
        {
            BenefitGrantActions.Revoke(state, grant);
        }
    }

    /// <summary>Revokes every current grant of a customer (Polar's customer deletion: <c>enqueue_customer_grant_deletions</c>).</summary>
    public static void RevokeAllForCustomer(EmulatorState state, string customerId)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var grant in state.BenefitGrants.ForCustomer(customerId).Where(g => g.CustomerId == customerId && g.IsGranted).ToList())
        {
            BenefitGrantActions.Delete(state, grant);
        }
    }

    /// <summary>A new period began and was paid: each granted benefit of the subscription cycles (<c>benefit_grant.cycled</c>; meter credits renew).</summary>
    public static void CycleForSubscription(EmulatorState state, Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(subscription);
        foreach (var grant in state.BenefitGrants.ForCustomer(subscription.CustomerId).Where(g => g.SubscriptionId == subscription.Id && g.IsGranted).ToList())
        {
            BenefitGrantActions.Cycle(state, grant);
        }
    }

    private static void SyncSubscription(EmulatorState state, Subscription subscription, bool grant)
    {
        if (state.Products.Find(subscription.ProductId) is not { } product || state.Customers.Find(subscription.CustomerId) is not { } customer)
        {
            return;
        }

        // Seat-based products grant through claimed seats (Polar: "benefits are granted when seats are claimed").
        if (product.Prices.OfType<ProductPriceSeatBased>().Any())
        {
            if (!grant)
            {
                CustomerSeats.SeatEngine.RevokeAllForSubscription(state, subscription);
            }

            return;
        }

        Sync(state, customer, ProductViews.Refresh(state, product), new GrantScope(subscription.Id, null), grant);
    }

    private static void Sync(EmulatorState state, Customer customer, Product product, GrantScope scope, bool grant)
    {
        var existing = state.BenefitGrants.ForCustomer(customer.Id).Where(g => g.CustomerId == customer.Id && scope.Contains(g)).ToList();
        var benefitIds = product.Benefits.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);

        // Revocations first, then grants, as Polar's revoke group runs before its enqueue_grants callback.
        var revoke = existing.Where(g => g.IsGranted && (!grant || !benefitIds.Contains(g.BenefitId))).ToList();
        foreach (var stale in revoke)
        {
            BenefitGrantActions.Revoke(state, stale);
        }

        if (!grant)
        {
            return;
        }

        foreach (var benefit in product.Benefits)
        {
            var current = existing.FirstOrDefault(g => g.BenefitId == benefit.Id);
            if (current is null || !current.IsGranted)
            {
                BenefitGrantActions.Grant(state, customer, benefit, scope, current);
            }
        }
    }
}
