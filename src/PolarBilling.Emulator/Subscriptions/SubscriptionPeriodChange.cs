using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>Moving the renewal date (Polar's <c>update_currrent_billing_period_end</c>) and dropping a pending update (<c>clear_pending_update</c>).</summary>
internal static class SubscriptionPeriodChange
{
    public static void SetPeriodEnd(EmulatorState state, SubscriptionChange change, DateTimeOffset periodEnd)
    {
        var subscription = change.Subscription;
        if (SubscriptionStates.IsRevoked(subscription.Status))
        {
            throw SubscriptionProblems.AlreadyCanceled();
        }

        if (!SubscriptionStates.IsActive(subscription.Status))
        {
            throw SubscriptionProblems.Inactive(subscription.Id);
        }

        if (subscription.CancelAtPeriodEnd)
        {
            throw SubscriptionProblems.AlreadyCanceled();
        }

        // Polar's schema rejects an instant that is not in the future (message approximated).
        if (periodEnd <= state.Now)
        {
            throw Problems.InvalidField("current_billing_period_end", "The new billing period end must be in the future.", JsonValue.Create(periodEnd));
        }

        var oldEnd = subscription.CurrentPeriodEnd;
        subscription.CurrentPeriodEnd = periodEnd.ToUniversalTime();
        state.Subscriptions.Ledger(subscription.Id).AnchorDay = subscription.CurrentPeriodEnd.Day;
        SystemEventLog.Record(state, new SubscriptionBillingPeriodUpdatedEvent
        {
            Metadata = new SubscriptionBillingPeriodUpdatedMetadata
            {
                SubscriptionId = subscription.Id,
                OldPeriodEnd = Iso(oldEnd),
                NewPeriodEnd = Iso(subscription.CurrentPeriodEnd),
            },
        }, subscription.CustomerId);
    }

    public static void ClearPendingUpdate(EmulatorState state, SubscriptionChange change)
    {
        var subscription = change.Subscription;
        if (subscription.PendingUpdate is null)
        {
            throw Problems.InvalidField("pending_update", "This subscription has no pending update to clear.");
        }

        DropPendingUpdate(subscription, state.Subscriptions.Ledger(subscription.Id));
        SystemEventLog.Record(state, new SubscriptionUpdateClearedEvent { Metadata = new SubscriptionUpdateClearedMetadata { SubscriptionId = subscription.Id } }, subscription.CustomerId);
    }

    /// <summary>Forgets the pending update (Polar soft-deletes it).</summary>
    public static void DropPendingUpdate(Subscription subscription, SubscriptionLedger ledger)
    {
        subscription.PendingUpdate = null;
        ledger.ClearPendingUpdateDetails();
    }

    private static string Iso(DateTimeOffset value) => BenefitGrants.BenefitStrategies.Iso(value);
}
