using PolarBilling.Client;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Clock;

/// <summary>
/// Everything in the state that waits for a moment in time, as Polar's scheduled jobs find it: open checkouts expiring
/// (<c>expire_open_checkouts</c>), dunning retries (<c>process_dunning</c>), paused subscriptions resuming
/// (<c>scan_paused_resumptions</c>) and billing periods ending (<c>subscription.cycle</c>: renewals, trial ends,
/// cancellations and pauses at period end, pending <c>next_period</c> changes). Call under the state lock.
/// </summary>
internal static class TimeEffects
{
    /// <summary>Every waiting piece of work, due or not.</summary>
    public static IEnumerable<DueWork> All(EmulatorState state)
    {
        foreach (var checkout in state.Checkouts.All)
        {
            if (checkout.Status == CheckoutStatus.Open)
            {
                // Polar's is_expired is strict (expires_at < now): the first microsecond after expires_at.
                yield return new DueWork(checkout.ExpiresAt.AddTicks(10), 0, "checkout.expiry", checkout.Id, () => ExpireCheckout(state, checkout));
            }
        }

        foreach (var order in state.Orders.All)
        {
            if (order.NextPaymentAttemptAt is { } attempt)
            {
                yield return new DueWork(attempt, 1, "order.payment_retry", order.Id, () => RetryPayment(state, order));
            }
        }

        foreach (var subscription in state.Subscriptions.All)
        {
            if (subscription.Status == SubscriptionStatus.Paused && subscription.ResumesAt is { } resumesAt)
            {
                yield return new DueWork(resumesAt, 2, "subscription.resume", subscription.Id, () => Status(SubscriptionPausing.ResumeDue(state, subscription)));
            }
            else if (SubscriptionStates.IsActive(subscription.Status))
            {
                yield return new DueWork(subscription.CurrentPeriodEnd, 3, PeriodEndKind(subscription), subscription.Id, () => Status(SubscriptionRenewal.Renew(state, subscription)));
            }
        }
    }

    private static string PeriodEndKind(Subscription subscription) =>
        subscription.CancelAtPeriodEnd ? "subscription.cancellation"
        : subscription.PauseAtPeriodEnd ? "subscription.pause"
        : subscription.Status == SubscriptionStatus.Trialing ? "subscription.trial_end"
        : "subscription.renewal";

    private static string ExpireCheckout(EmulatorState state, Checkout checkout)
    {
        if (checkout.Status != CheckoutStatus.Open)
        {
            return checkout.Status.Value;
        }

        CheckoutExpiry.Expire(state, checkout);
        return "expired";
    }

    private static string RetryPayment(EmulatorState state, Order order)
    {
        if (SubscriptionDunning.Retry(state, order))
        {
            return "paid";
        }

        return order.NextPaymentAttemptAt is null ? (order.Status == OrderStatus.Void ? "revoked" : "abandoned") : "retry_scheduled";
    }

    private static string Status(Subscription subscription) => subscription.Status.Value;
}
