using PolarBilling.Client;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// What a renewal payment's outcome does to a subscription (Polar's <c>mark_past_due</c> and <c>mark_active</c>):
/// a failed charge makes it <c>past_due</c> and revokes its benefits; a later successful retry brings it back.
/// Dunning (the retries themselves) calls these. Call under the state lock.
/// </summary>
internal static class SubscriptionPayments
{
    /// <summary><c>past_due</c> (keeping the first <c>past_due_at</c>): <c>subscription.updated</c>, <c>subscription.past_due</c>, then benefits revoked.</summary>
    public static Subscription MarkPastDue(EmulatorState state, Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.EndedAt is not null)
        {
            return subscription;
        }

        var change = new SubscriptionChange(state, subscription);
        subscription.Status = SubscriptionStatus.PastDue;
        subscription.PastDueAt ??= state.Now;
        change.Defer(() => BenefitGrantEngine.RevokeForSubscription(state, subscription));
        return change.Complete();
    }

    /// <summary>Paid after all: <c>active</c> again, <c>subscription.updated</c> + <c>subscription.active</c>, benefits granted again.</summary>
    public static Subscription MarkActive(EmulatorState state, Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(subscription);
        var change = new SubscriptionChange(state, subscription);
        subscription.Status = SubscriptionStatus.Active;
        subscription.PastDueAt = null;
        change.Defer(() => BenefitGrantEngine.GrantForSubscription(state, subscription));
        return change.Complete();
    }
}
