using PolarBilling.Client;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// The end of a billing period (Polar's <c>subscription.cycle</c> task and <c>SubscriptionService.cycle</c>): a
/// subscription set to cancel ends, one set to pause pauses, any other starts its next period with the pending update
/// applied, sends <c>subscription.cycled</c> and <c>subscription.updated</c>, then bills the period (prorations,
/// static prices, metered usage) with billing reason <c>subscription_cycle</c> and cycles its benefits once paid.
/// A refused card leaves the order pending and the subscription <c>past_due</c>, with retries scheduled (<see cref="SubscriptionDunning"/>). Call under the state lock.
/// </summary>
internal static class SubscriptionRenewal
{
    /// <summary>Renews <paramref name="subscription"/> at its <c>current_period_end</c> (call when that moment has come).</summary>
    /// <exception cref="Http.EmulatorProblem">403 <c>InactiveSubscription</c> unless active or trialing.</exception>
    public static Subscription Renew(EmulatorState state, Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(subscription);
        if (!SubscriptionStates.IsActive(subscription.Status))
        {
            throw SubscriptionProblems.Inactive(subscription.Id);
        }

        var change = new SubscriptionChange(state, subscription) { CycleNow = true };
        return change.Complete();
    }

    /// <summary>The period change itself, inside <paramref name="change"/>; billing and benefits run as its deferred jobs.</summary>
    internal static void Cycle(EmulatorState state, SubscriptionChange change)
    {
        var subscription = change.Subscription;
        var ledger = state.Subscriptions.Ledger(subscription.Id);
        var usageStart = ledger.UsageStart ?? subscription.CurrentPeriodStart;
        var usageEnd = subscription.CurrentPeriodEnd;
        var wasTrialing = subscription.Status == SubscriptionStatus.Trialing;
        if (subscription.CancelAtPeriodEnd || subscription.PauseAtPeriodEnd)
        {
            Stop(state, change, ledger, usageStart, usageEnd);
            return;
        }

        var intervalChanged = PendingUpdates.Apply(state, subscription, ledger);
        var start = subscription.CurrentPeriodEnd;
        if (wasTrialing)
        {
            ledger.AnchorDay = start.Day;
        }

        subscription.CurrentPeriodStart = start;
        subscription.CurrentPeriodEnd = BillingPeriods.Next(start, intervalChanged ? start.Day : ledger.AnchorDay, subscription.RecurringInterval, subscription.RecurringIntervalCount);
        if (intervalChanged)
        {
            ledger.AnchorDay = start.Day;
        }

        if (state.Discounts.Find(subscription.DiscountId) is { } discount)
        {
            ledger.DiscountAppliedAt ??= start;
            if (!DiscountRules.StillApplies(discount, ledger.DiscountAppliedAt.Value, start))
            {
                subscription.DiscountId = null;
            }
        }

        if (wasTrialing)
        {
            subscription.Status = SubscriptionStatus.Active;
        }

        ledger.UsageStart = start;
        SystemEventLog.Record(state, new SubscriptionCycledEvent { Metadata = CycledMetadata(subscription) }, subscription.CustomerId);
        change.Cycled = true;
        change.Defer(() =>
        {
            var paid = SubscriptionInvoices.Pays(state, subscription);
            var order = SubscriptionInvoices.CycleOrder(state, subscription, usageStart, usageEnd, billNewPeriod: true, paid);
            if (paid)
            {
                BenefitGrantEngine.CycleForSubscription(state, subscription);
            }
            else
            {
                SubscriptionDunning.Start(state, order, subscription);
            }
        });
    }

    // Canceled at period end: it ends now; set to pause: it pauses now. Usage of the last period is still billed.
    private static void Stop(EmulatorState state, SubscriptionChange change, SubscriptionLedger ledger, DateTimeOffset usageStart, DateTimeOffset usageEnd)
    {
        var subscription = change.Subscription;
        if (subscription.CancelAtPeriodEnd)
        {
            subscription.EndedAt = state.Now;
            subscription.Status = SubscriptionStatus.Canceled;
        }
        else
        {
            subscription.Status = SubscriptionStatus.Paused;
            subscription.PausedAt = state.Now;
            subscription.PauseAtPeriodEnd = false;
            change.Paused = true;
        }

        change.Defer(() =>
        {
            if (ledger.PendingEntries.Count > 0 || HasUsage(state, subscription, usageStart, usageEnd))
            {
                SubscriptionInvoices.CycleOrder(state, subscription, usageStart, usageEnd, billNewPeriod: false, SubscriptionInvoices.Pays(state, subscription));
            }

            BenefitGrantEngine.RevokeForSubscription(state, subscription);
        });
    }

    private static bool HasUsage(EmulatorState state, Subscription subscription, DateTimeOffset start, DateTimeOffset end) =>
        subscription.Meters.Any(m => state.Meters.Find(m.MeterId) is { } meter && MeteredUsage.Measure(state, subscription, meter, start, end).Amount > 0);

    private static SubscriptionCycledMetadata CycledMetadata(Subscription subscription) => new()
    {
        SubscriptionId = subscription.Id,
        ProductId = subscription.ProductId,
        Amount = subscription.Amount,
        Currency = subscription.Currency,
        RecurringInterval = subscription.RecurringInterval.Value,
        RecurringIntervalCount = subscription.RecurringIntervalCount,
    };
}
