using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// The checkout webhooks, each with the checkout as it is at that moment (server <c>checkout/service.py</c>:
/// <c>_after_checkout_created</c>, <c>_after_checkout_updated</c> on every change including each status change,
/// <c>send_expiration_events</c>).
/// </summary>
internal static class CheckoutEvents
{
    public static void Created(EmulatorState state, Checkout checkout) =>
        state.Webhooks.Emit(new CheckoutCreatedWebhookEvent(CheckoutViews.Refresh(state, checkout), state.Now));

    /// <summary>Marks the checkout modified and emits <c>checkout.updated</c>.</summary>
    public static void Updated(EmulatorState state, Checkout checkout)
    {
        checkout.ModifiedAt = state.Now;
        state.Webhooks.Emit(new CheckoutUpdatedWebhookEvent(CheckoutViews.Refresh(state, checkout), state.Now));
    }

    public static void Expired(EmulatorState state, Checkout checkout) =>
        state.Webhooks.Emit(new CheckoutExpiredWebhookEvent(CheckoutViews.Refresh(state, checkout), state.Now));
}
