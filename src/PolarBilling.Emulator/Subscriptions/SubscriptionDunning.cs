using PolarBilling.Client;
using PolarBilling.Emulator.Orders;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Failed-payment retries (Polar's dunning, server <c>order/service.py handle_payment_failure</c> and
/// <c>process_dunning_order</c>): a renewal order whose charge failed stays <c>pending</c> with
/// <c>next_payment_attempt_at</c> set and its subscription <c>past_due</c>; the saved card is charged again 2, 7, 14
/// and 21 days after the first failure; a success pays the order and makes the subscription <c>active</c>, the last
/// failure revokes the subscription and voids its pending orders. Call under the state lock.
/// </summary>
internal static class SubscriptionDunning
{
    /// <summary>When the retries happen, counted from the first failed charge (the order's creation).</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryOffsets = [TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(21)];

    /// <summary>The first failure of <paramref name="order"/>'s charge: the first retry is scheduled, the subscription goes <c>past_due</c>.</summary>
    public static void Start(EmulatorState state, Order order, Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(order);
        order.NextPaymentAttemptAt = order.CreatedAt + RetryOffsets[0];
        SubscriptionPayments.MarkPastDue(state, subscription);
    }

    /// <summary>A scheduled retry of <paramref name="order"/>: charges the saved card now and moves the schedule on.</summary>
    /// <returns>Whether the order is now paid.</returns>
    public static bool Retry(EmulatorState state, Order order)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(order);
        var subscription = state.Subscriptions.Find(order.SubscriptionId);
        if (subscription is null || subscription.Status == SubscriptionStatus.Canceled || order.Status != OrderStatus.Pending)
        {
            order.NextPaymentAttemptAt = null;
            return false;
        }

        if (TryCharge(state, order, subscription))
        {
            return true;
        }

        var elapsed = state.Now - order.CreatedAt;
        var next = RetryOffsets.FirstOrDefault(offset => offset > elapsed);
        if (next == default)
        {
            order.NextPaymentAttemptAt = null;
            Revoke(state, subscription);
            return false;
        }

        order.NextPaymentAttemptAt = order.CreatedAt + next;
        return false;
    }

    /// <summary>
    /// The customer's card was replaced: every order of theirs waiting for a retry is charged at once (as Polar's portal
    /// does when a past-due customer updates the payment method); a failure leaves the schedule as it was.
    /// </summary>
    /// <returns>How many orders were paid.</returns>
    public static int RetryNow(EmulatorState state, string customerId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var waiting = state.Orders.All
            .Where(o => o.CustomerId == customerId && o.NextPaymentAttemptAt is not null && o.Status == OrderStatus.Pending)
            .OrderBy(o => o.CreatedAt).ToList();
        var paid = 0;
        foreach (var order in waiting)
        {
            if (state.Subscriptions.Find(order.SubscriptionId) is { } subscription && TryCharge(state, order, subscription))
            {
                paid++;
            }
        }

        return paid;
    }

    private static bool TryCharge(EmulatorState state, Order order, Subscription subscription)
    {
        if (!SubscriptionInvoices.Pays(state, subscription))
        {
            return false;
        }

        order.NextPaymentAttemptAt = null;
        OrderEngine.MarkPaid(state, order);
        if (subscription.Status == SubscriptionStatus.PastDue)
        {
            SubscriptionPayments.MarkActive(state, subscription);
        }

        return true;
    }

    // Out of retries: the subscription is revoked (subscription.updated, .canceled, .revoked) and, as Polar's
    // void_pending_orders_for_subscription job does, its unpaid orders are voided.
    private static void Revoke(EmulatorState state, Subscription subscription)
    {
        if (SubscriptionStates.CanCancel(subscription, immediately: true))
        {
            SubscriptionLifecycle.Revoke(state, subscription, reason: null, comment: null);
        }

        foreach (var order in state.Orders.All.Where(o => o.SubscriptionId == subscription.Id && o.Status == OrderStatus.Pending).ToList())
        {
            order.Status = OrderStatus.Void;
            order.NextPaymentAttemptAt = null;
            order.ModifiedAt = state.Now;
            OrderEngine.Emit(state, order, OrderEvent.Updated);
        }
    }
}
