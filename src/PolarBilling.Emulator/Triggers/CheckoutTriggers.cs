using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Triggers;

/// <summary>
/// Checkout moments. <c>checkout.created</c>: <c>POST /v1/checkouts/</c> for <c>product_id</c> (linked to
/// <c>customer_id</c> when given). <c>checkout.expired</c>: the open checkout's <c>expires_at</c> becomes a microsecond
/// ago and Polar's expiry runs (403 <c>NotOpenCheckout</c> for a checkout that is no longer open).
/// </summary>
internal static class CheckoutTriggers
{
    public static IEnumerable<Trigger> All { get; } =
    [
        new("checkout.created", ["product_id"], Created),
        new("checkout.expired", ["checkout_id"], Expired),
    ];

    private static JsonNode Created(EmulatorState state, TriggerRequest request)
    {
        var product = request.Product(state);
        var customer = request.String("customer_id") is null ? null : request.Customer(state);
        var checkout = TriggerPurchase.Open(state, product, customer);
        return TriggerRequest.Answer(CheckoutViews.Refresh(state, checkout));
    }

    private static JsonNode Expired(EmulatorState state, TriggerRequest request)
    {
        var checkout = request.Checkout(state);
        if (checkout.Status != CheckoutStatus.Open)
        {
            throw CheckoutProblems.NotOpen(checkout);
        }

        // Polar's is_expired is strict (expires_at < now): the checkout expired a microsecond ago.
        if (!CheckoutExpiry.IsPast(state, checkout))
        {
            checkout.ExpiresAt = state.Now.AddTicks(-10);
        }

        CheckoutExpiry.ExpireDue(state);
        return TriggerRequest.Answer(CheckoutViews.Refresh(state, checkout));
    }
}
