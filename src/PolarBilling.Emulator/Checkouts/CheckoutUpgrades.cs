using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// A checkout's <c>subscription_id</c>: Polar lets a checkout upgrade a subscription that is on a free price only
/// (<c>_get_validated_subscription</c>); the checkout is then for that subscription's customer.
/// </summary>
internal static class CheckoutUpgrades
{
    /// <exception cref="EmulatorProblem">422 at <c>body.subscription_id</c>.</exception>
    public static Subscription Validated(EmulatorState state, string subscriptionId)
    {
        var subscription = state.Subscriptions.Find(subscriptionId)
            ?? throw Problems.InvalidField("subscription_id", "Subscription does not exist.", JsonValue.Create(subscriptionId));
        if (subscription.Prices.Any(p => !CheckoutPricing.IsFree(p)))
        {
            throw Problems.InvalidField("subscription_id", "Only free subscriptions can be upgraded.", JsonValue.Create(subscriptionId));
        }

        return subscription;
    }
}
