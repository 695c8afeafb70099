using PolarBilling.Client;
using PolarBilling.Emulator.Meters;
using PolarBilling.Emulator.Products;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// A subscription as Polar answers it now: customer, product, discount and meters read from their stores, each meter's
/// usage so far this period, and the pending update.
/// </summary>
internal static class SubscriptionViews
{
    public static Subscription Refresh(EmulatorState state, Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(subscription);
        if (state.Customers.Find(subscription.CustomerId) is { } customer)
        {
            subscription.Customer = ModelProjection.As<SubscriptionCustomer>(customer);
        }

        if (state.Products.Find(subscription.ProductId) is { } product)
        {
            subscription.Product = ProductViews.Refresh(state, product);
        }

        subscription.Discount = state.Discounts.Find(subscription.DiscountId) is { } discount ? ModelProjection.As<DiscountBase>(discount) : null;
        subscription.Prices = [.. subscription.Prices.Select(p => ProductViews.FindPrice(state, p.Id) ?? p)];
        RefreshMeters(state, subscription);
        return subscription;
    }

    /// <summary>Each meter's usage since the period's usage start, and what it costs at the metered price (Polar's <c>update_meters</c>).</summary>
    private static void RefreshMeters(EmulatorState state, Subscription subscription)
    {
        var ledger = state.Subscriptions.Ledger(subscription.Id);
        var since = ledger.UsageStart ?? subscription.CurrentPeriodStart;
        foreach (var line in subscription.Meters)
        {
            if (state.Meters.Find(line.MeterId) is not { } meter)
            {
                continue;
            }

            line.Meter = meter;
            // Usage so far includes events stamped this very microsecond.
            var usage = MeteredUsage.Measure(state, subscription, meter, since, state.Now.AddTicks(10));
            line.ConsumedUnits = usage.ConsumedUnits;
            line.CreditedUnits = usage.CreditedUnits;
            line.Amount = usage.Amount;
        }
    }
}
