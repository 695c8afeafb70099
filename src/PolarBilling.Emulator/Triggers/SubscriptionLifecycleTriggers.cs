using System.Text.Json.Nodes;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Triggers;

/// <summary>
/// Cancellation moments, exactly as <c>PATCH /v1/subscriptions/{id}</c> performs them: <c>subscription.canceled</c>
/// cancels at the period end (<c>{"immediately": true}</c> revokes now instead), <c>subscription.uncanceled</c> takes a
/// cancellation back, <c>subscription.revoked</c> ends the subscription now. Polar's refusals apply (403
/// <c>AlreadyCanceledSubscription</c>; uncancel: 410 once ended, 400 unless set to cancel).
/// </summary>
internal static class SubscriptionLifecycleTriggers
{
    public static IEnumerable<Trigger> All { get; } =
    [
        new("subscription.canceled", ["subscription_id"], Canceled),
        new("subscription.uncanceled", ["subscription_id"], Uncanceled),
        new("subscription.revoked", ["subscription_id"], Revoked),
    ];

    private static JsonNode Canceled(EmulatorState state, TriggerRequest request)
    {
        var subscription = request.Subscription(state);
        var immediately = request.Flag("immediately");
        var change = new SubscriptionChange(state, subscription);
        SubscriptionLifecycle.Cancel(state, change, reason: null, comment: null, immediately);
        change.Complete();
        return TriggerRequest.Answer(SubscriptionViews.Refresh(state, subscription));
    }

    private static JsonNode Uncanceled(EmulatorState state, TriggerRequest request)
    {
        var subscription = request.Subscription(state);
        var change = new SubscriptionChange(state, subscription);
        SubscriptionLifecycle.Uncancel(change);
        change.Complete();
        return TriggerRequest.Answer(SubscriptionViews.Refresh(state, subscription));
    }

    private static JsonNode Revoked(EmulatorState state, TriggerRequest request)
    {
        var subscription = request.Subscription(state);
        SubscriptionLifecycle.Revoke(state, subscription, reason: null, comment: null);
        return TriggerRequest.Answer(SubscriptionViews.Refresh(state, subscription));
    }
}
