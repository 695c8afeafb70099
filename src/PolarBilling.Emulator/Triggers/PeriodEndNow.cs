using PolarBilling.Client;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Triggers;

/// <summary>
/// Brings a subscription's <c>current_period_end</c> to now and runs the renewal exactly as at a real period end (as
/// <c>POST /emulator/subscriptions/{id}/renew</c> does): a trial ends with it, a pending update applies now, a
/// cancellation or pause at period end takes effect. Call under the state lock.
/// </summary>
internal static class PeriodEndNow
{
    /// <exception cref="Http.EmulatorProblem">403 <c>InactiveSubscription</c> unless active or trialing.</exception>
    public static Subscription Renew(EmulatorState state, Subscription subscription)
    {
        if (!SubscriptionStates.IsActive(subscription.Status))
        {
            throw SubscriptionProblems.Inactive(subscription.Id);
        }

        var now = state.Now;
        if (subscription.CurrentPeriodEnd > now)
        {
            subscription.CurrentPeriodEnd = now;
            if (subscription.Status == SubscriptionStatus.Trialing)
            {
                subscription.TrialEnd = now;
            }

            if (subscription.CancelAtPeriodEnd)
            {
                subscription.EndsAt = now;
            }

            if (subscription.PendingUpdate is { } pending)
            {
                pending.AppliesAt = now;
            }
        }

        return SubscriptionRenewal.Renew(state, subscription);
    }

    /// <summary>
    /// Refuses a trigger whose moment is a renewal (a charge) when the period end would instead end or pause the
    /// subscription: Polar's 403 <c>InactiveSubscription</c> or <c>AlreadyCanceledSubscription</c>, else 409.
    /// </summary>
    public static void EnsureRenews(string eventType, Subscription subscription)
    {
        if (!SubscriptionStates.IsActive(subscription.Status))
        {
            throw SubscriptionProblems.Inactive(subscription.Id);
        }

        if (subscription.CancelAtPeriodEnd)
        {
            throw SubscriptionProblems.AlreadyCanceled();
        }

        if (subscription.PauseAtPeriodEnd)
        {
            throw TriggerProblems.NotApplicable(eventType, $"subscription {subscription.Id} pauses at the end of this period instead of renewing.");
        }
    }
}
