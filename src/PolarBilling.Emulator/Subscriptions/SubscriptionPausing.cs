using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Pausing (Polar 2026-07, polarsource/polar#12990): <c>pause_at_period_end</c> schedules a pause for the period end
/// (or calls it off), the renewal then pauses instead of billing; <c>resume</c> starts a new period now and bills it.
/// Error names and messages are approximated where the stored Polar source predates the feature.
/// </summary>
internal static class SubscriptionPausing
{
    public static void Pause(EmulatorState state, SubscriptionChange change, bool pauseAtPeriodEnd, DateTimeOffset? resumesAt)
    {
        var subscription = change.Subscription;
        if (!pauseAtPeriodEnd)
        {
            subscription.PauseAtPeriodEnd = false;
            subscription.ResumesAt = null;
            return;
        }

        if (SubscriptionStates.IsRevoked(subscription.Status) || subscription.CancelAtPeriodEnd)
        {
            throw SubscriptionProblems.AlreadyCanceled();
        }

        if (!SubscriptionStates.IsActive(subscription.Status))
        {
            throw SubscriptionProblems.Inactive(subscription.Id);
        }

        if (resumesAt is { } resume && resume <= subscription.CurrentPeriodEnd)
        {
            throw Problems.InvalidField("resumes_at", "Resume date must be after the current period end.", JsonValue.Create(resume));
        }

        subscription.PauseAtPeriodEnd = true;
        subscription.ResumesAt = resumesAt?.ToUniversalTime();
    }

    public static void Resume(EmulatorState state, SubscriptionChange change)
    {
        var subscription = change.Subscription;
        if (subscription.Status != SubscriptionStatus.Paused)
        {
            throw SubscriptionProblems.NotPaused(subscription.Id);
        }

        SubscriptionInvoices.EnsureChargeable(state, subscription);
        var now = state.Now;
        var ledger = state.Subscriptions.Ledger(subscription.Id);
        subscription.Status = SubscriptionStatus.Active;
        subscription.PausedAt = null;
        subscription.ResumesAt = null;
        subscription.CurrentPeriodStart = now;
        subscription.CurrentPeriodEnd = BillingPeriods.Next(now, now.Day, subscription.RecurringInterval, subscription.RecurringIntervalCount);
        ledger.AnchorDay = now.Day;
        ledger.UsageStart = now;
        change.Resumed = true;
        change.Defer(() =>
        {
            SubscriptionInvoices.CycleOrder(state, subscription, now, now, billNewPeriod: true, paid: true);
            BenefitGrantEngine.GrantForSubscription(state, subscription);
        });
    }

    /// <summary>A paused subscription whose <c>resumes_at</c> has come resumes by itself (Polar's hourly <c>scan_paused_resumptions</c>).</summary>
    public static Subscription ResumeDue(EmulatorState state, Subscription subscription)
    {
        var change = new SubscriptionChange(state, subscription);
        Resume(state, change);
        return change.Complete();
    }
}
