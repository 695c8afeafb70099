using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Triggers;

/// <summary>
/// Payment moments of a subscription. <c>subscription.past_due</c>: the customer's saved card becomes one whose charges
/// fail (4000000000000341) and the current period ends now, so the renewal charge fails: the <c>subscription_cycle</c>
/// order stays pending with its first retry scheduled and the subscription goes <c>past_due</c>; the dunning retries
/// fail too until the card is replaced. <c>subscription.active</c>: a past-due customer's card is replaced with one
/// that pays (4242424242424242), which pays the waiting orders at once and makes the subscription active again.
/// </summary>
internal static class SubscriptionPaymentTriggers
{
    public static IEnumerable<Trigger> All { get; } =
    [
        new("subscription.past_due", ["subscription_id"], PastDue),
        new("subscription.active", ["subscription_id"], Active),
    ];

    private static JsonNode PastDue(EmulatorState state, TriggerRequest request)
    {
        var subscription = request.Subscription(state);
        PeriodEndNow.EnsureRenews(request.Event, subscription);
        CardReplacement.Replace(state, subscription.CustomerId, TestCard.DeclinedAfterAttaching);
        PeriodEndNow.Renew(state, subscription);
        return TriggerRequest.Answer(SubscriptionViews.Refresh(state, subscription));
    }

    private static JsonNode Active(EmulatorState state, TriggerRequest request)
    {
        var subscription = request.Subscription(state);
        if (subscription.Status != SubscriptionStatus.PastDue)
        {
            throw TriggerProblems.NotApplicable(request.Event, $"it recovers a past_due subscription; subscription {subscription.Id} is {subscription.Status.Value}.");
        }

        CardReplacement.Replace(state, subscription.CustomerId, TestCard.Success);
        return TriggerRequest.Answer(SubscriptionViews.Refresh(state, subscription));
    }
}
