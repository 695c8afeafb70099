using PolarBilling.Client;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// Polar's <c>_update_trial_end</c>: a recurring product with an active trial (the checkout's own interval, else the
/// product's, unless <c>allow_trial</c> is off) ends its trial that long after now; otherwise there is no trial.
/// While a trial is set nothing is charged at checkout (<c>is_payment_required</c> is false).
/// </summary>
internal static class CheckoutTrials
{
    public static void UpdateTrialEnd(EmulatorState state, Checkout checkout)
    {
        var product = state.Products.Find(checkout.ProductId);
        if (product is null || !product.IsRecurring || checkout.AllowTrial == false)
        {
            checkout.TrialEnd = null;
            return;
        }

        var interval = checkout.TrialInterval ?? product.TrialInterval;
        var count = checkout.TrialIntervalCount ?? product.TrialIntervalCount;
        checkout.TrialEnd = interval is { } i && count is { } c ? BillingPeriods.TrialEnd(state.Now, i, c) : null;
    }
}
