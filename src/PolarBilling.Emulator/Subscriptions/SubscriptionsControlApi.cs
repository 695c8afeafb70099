using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Control routes for subscriptions (stable, see docs/billing/testing-guide.md):
/// <c>POST /emulator/subscriptions/{id}/renew</c> ends the current period now, as if its <c>current_period_end</c>
/// had come: the renewal runs exactly as at a real period end (<c>subscription.cycled</c>, the <c>subscription_cycle</c>
/// order, benefit cycles; or the end of a subscription canceled at period end, or its pause) → 200 with the subscription.
/// 404 for an unknown id, 403 <c>InactiveSubscription</c> when it is not active or trialing.
/// </summary>
internal static class SubscriptionsControlApi
{
    public static IEndpointRouteBuilder MapSubscriptionsControlApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/emulator/subscriptions/{id}/renew", Renew);
        return app;
    }

    private static IResult Renew(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            var subscription = state.Subscriptions.Get(id);

            // The period ends now: a trial ends with it, a pending update applies now.
            Triggers.PeriodEndNow.Renew(state, subscription);
            return ApiResults.Json(SubscriptionViews.Refresh(state, subscription));
        }
    }
}
