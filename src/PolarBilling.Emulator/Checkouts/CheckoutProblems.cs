using PolarBilling.Client;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>The checkout errors Polar raises (server <c>checkout/service.py</c>), with its statuses and messages.</summary>
internal static class CheckoutProblems
{
    /// <summary>410 <c>ExpiredCheckoutError</c>: a client-secret call on a checkout past <c>expires_at</c>.</summary>
    public static EmulatorProblem Expired() => Problems.Error(410, "ExpiredCheckoutError", "This checkout session has expired.");

    /// <summary>403 <c>NotOpenCheckout</c>: changing or confirming a checkout that is no longer open.</summary>
    public static EmulatorProblem NotOpen(Checkout checkout) =>
        Problems.Error(403, "NotOpenCheckout", $"Checkout {checkout.Id} is not open: {checkout.Status.Value}");

    /// <summary>403 <c>AlreadyActiveSubscriptionError</c>: the customer already has a billable subscription.</summary>
    public static EmulatorProblem AlreadyActiveSubscription() =>
        Problems.Error(403, "AlreadyActiveSubscriptionError", "You already have an active subscription.");

    /// <summary>400 <c>PaymentError</c>: Stripe refused the card while confirming (the checkout stays open).</summary>
    public static EmulatorProblem PaymentError(TestCard card) => Problems.Error(400, "PaymentError", card.FailureDetail);
}
