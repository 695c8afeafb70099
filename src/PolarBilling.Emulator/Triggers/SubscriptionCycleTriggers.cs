using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Triggers;

/// <summary>
/// Period-end moments. <c>subscription.cycled</c>: the current period ends now and the subscription renews (the
/// <c>subscription_cycle</c> order is charged to the saved card). <c>subscription.paused</c>: a pause at period end is
/// scheduled (unless it already is) and the period ends now, so the subscription pauses. <c>subscription.resumed</c>:
/// a paused subscription resumes now and bills its new period (Polar's 402 when the saved card fails).
/// </summary>
internal static class SubscriptionCycleTriggers
{
    public static IEnumerable<Trigger> All { get; } =
    [
        new("subscription.cycled", ["subscription_id"], Cycled),
        new("subscription.paused", ["subscription_id"], Paused),
        new("subscription.resumed", ["subscription_id"], Resumed),
    ];

    private static JsonNode Cycled(EmulatorState state, TriggerRequest request)
    {
        var subscription = request.Subscription(state);
        PeriodEndNow.EnsureRenews(request.Event, subscription);
        PeriodEndNow.Renew(state, subscription);
        return TriggerRequest.Answer(SubscriptionViews.Refresh(state, subscription));
    }

    private static JsonNode Paused(EmulatorState state, TriggerRequest request)
    {
        var subscription = request.Subscription(state);
        if (subscription.Status == SubscriptionStatus.Paused)
        {
            throw TriggerProblems.NotApplicable(request.Event, $"subscription {subscription.Id} is already paused.");
        }

        if (!subscription.PauseAtPeriodEnd)
        {
            var change = new SubscriptionChange(state, subscription);
            SubscriptionPausing.Pause(state, change, pauseAtPeriodEnd: true, resumesAt: null);
            change.Complete();
        }

        PeriodEndNow.Renew(state, subscription);
        return TriggerRequest.Answer(SubscriptionViews.Refresh(state, subscription));
    }

    private static JsonNode Resumed(EmulatorState state, TriggerRequest request)
    {
        var subscription = request.Subscription(state);
        SubscriptionPausing.ResumeDue(state, subscription);
        return TriggerRequest.Answer(SubscriptionViews.Refresh(state, subscription));
    }
}
