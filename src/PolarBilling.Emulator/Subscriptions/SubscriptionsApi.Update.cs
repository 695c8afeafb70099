using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <content>
/// <c>subscriptions:update</c>: the body is one <c>SubscriptionUpdate</c> variant, told apart by its keys as pydantic
/// picks the union member; each runs inside one <see cref="SubscriptionChange"/> (Polar's <c>SubscriptionUpdateContext</c>).
/// </content>
internal static partial class SubscriptionsApi
{
    private static IResult Update(HttpContext context, EmulatorState state, string id)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            var subscription = state.Subscriptions.Get(id);
            var change = new SubscriptionChange(state, subscription);
            if (Has(body, "cancel_at_period_end"))
            {
                var cancel = context.Body<SubscriptionCancel>();
                if (cancel.CancelAtPeriodEnd)
                {
                    SubscriptionLifecycle.Cancel(state, change, cancel.CustomerCancellationReason, cancel.CustomerCancellationComment, immediately: false);
                }
                else
                {
                    SubscriptionLifecycle.Uncancel(change);
                }
            }
            else if (Has(body, "revoke"))
            {
                var revoke = context.Body<SubscriptionRevoke>();
                SubscriptionLifecycle.Cancel(state, change, revoke.CustomerCancellationReason, revoke.CustomerCancellationComment, immediately: true);
            }
            else if (Has(body, "pause_at_period_end"))
            {
                var pause = context.Body<SubscriptionPause>();
                SubscriptionPausing.Pause(state, change, pause.PauseAtPeriodEnd, pause.ResumesAt);
            }
            else if (Has(body, "resume"))
            {
                SubscriptionPausing.Resume(state, change);
            }
            else if (Has(body, "seats"))
            {
                var seats = context.Body<SubscriptionUpdateSeats>();
                SeatCountChange.Apply(state, change, seats.Seats, Behavior(state, seats.ProrationBehavior));
            }
            else if (Has(body, "current_billing_period_end"))
            {
                SubscriptionPeriodChange.SetPeriodEnd(state, change, context.Body<SubscriptionUpdateBillingPeriod>().CurrentBillingPeriodEnd);
            }
            else if (Has(body, "pending_update"))
            {
                SubscriptionPeriodChange.ClearPendingUpdate(state, change);
            }
            else
            {
                UpdateBase(context, state, change, body);
            }

            change.Complete();
            return ApiResults.Json(SubscriptionViews.Refresh(state, subscription));
        }
    }

    // SubscriptionUpdateBase: a product change (with its discount), else a discount change; then the trial; then metadata.
    private static void UpdateBase(HttpContext context, EmulatorState state, SubscriptionChange change, JsonElement body)
    {
        var update = context.Body<SubscriptionUpdateBase>();
        var discount = Has(body, "discount_id") ? DiscountChoice.From(body.GetProperty("discount_id")) : null;
        if (update.ProductId is { } productId)
        {
            PlanChange.Apply(state, change, productId, Behavior(state, update.ProrationBehavior), discount);
        }
        else if (discount is not null)
        {
            SubscriptionDiscountChange.Apply(state, change, discount);
        }

        if (update.TrialEnd is { } trialEnd)
        {
            SubscriptionTrialChange.Apply(state, change, trialEnd);
        }

        if (update.Metadata is { } metadata)
        {
            change.Subscription.Metadata = metadata;
        }
    }

    /// <summary>The proration behaviour asked for, else the organization's default; <c>reset</c> is off for organizations by default (422).</summary>
    private static string Behavior(EmulatorState state, SubscriptionProrationBehavior? asked)
    {
        var behavior = asked?.Value ?? state.Organization.ProrationBehavior;
        if (behavior == "reset")
        {
            throw Problems.InvalidField("proration_behavior", "The 'reset' proration behavior is not enabled for this organization.", System.Text.Json.Nodes.JsonValue.Create(behavior));
        }

        return behavior;
    }

    private static bool Has(JsonElement body, string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out _);
}
