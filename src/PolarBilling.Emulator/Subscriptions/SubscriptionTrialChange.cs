using System.Globalization;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Polar's <c>update_trial</c>: <c>"now"</c> ends a trial at once (the first period starts and is billed); an instant
/// moves a trial's end, or puts an active subscription on trial until then (after the current period end).
/// </summary>
internal static class SubscriptionTrialChange
{
    public static void Apply(EmulatorState state, SubscriptionChange change, string trialEnd)
    {
        var subscription = change.Subscription;
        if (!SubscriptionStates.IsActive(subscription.Status))
        {
            throw SubscriptionProblems.Inactive(subscription.Id);
        }

        var now = trialEnd == "now";
        var at = now ? state.Now : DateTimeOffset.Parse(trialEnd, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
        if (subscription.Status == SubscriptionStatus.Trialing)
        {
            subscription.TrialEnd = subscription.CurrentPeriodEnd = at;
            if (now)
            {
                change.CycleNow = true;
            }
        }
        else
        {
            if (now)
            {
                throw Problems.InvalidField("trial_end", "The subscription is not currently trialing.", JsonValue.Create(trialEnd));
            }

            if (at <= subscription.CurrentPeriodEnd)
            {
                throw Problems.InvalidField("trial_end", "Trial end must be after the current period end.", JsonValue.Create(trialEnd));
            }

            subscription.Status = SubscriptionStatus.Trialing;
            subscription.TrialEnd = subscription.CurrentPeriodEnd = at;
        }

        // Keep a pending update's moment in line with the new period end.
        if (subscription.PendingUpdate is { } pending)
        {
            pending.AppliesAt = subscription.CurrentPeriodEnd;
            pending.ModifiedAt = state.Now;
        }
    }
}
