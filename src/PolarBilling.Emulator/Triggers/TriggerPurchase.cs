using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.Control;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Triggers;

/// <summary>
/// Checkouts made and paid by triggers the way a test would make them: <c>POST /v1/checkouts/</c> for one product,
/// linked to a customer, then paid on the hosted page (<see cref="CheckoutConfirmation"/>). Call under the state lock.
/// </summary>
internal static class TriggerPurchase
{
    /// <summary>An open checkout of <paramref name="product"/> (for <paramref name="customer"/> when given): <c>checkout.created</c>.</summary>
    public static Checkout Open(EmulatorState state, Product product, Customer? customer)
    {
        var body = new JsonObject { ["products"] = new JsonArray(product.Id) };
        if (customer is not null)
        {
            body["customer_id"] = customer.Id;
        }

        using var raw = JsonDocument.Parse(body.ToJsonString());
        var create = PolarJson.Deserialize<CheckoutProductsCreate>(body.ToJsonString());
        return CheckoutCreation.Create(state, create, raw.RootElement);
    }

    /// <summary>
    /// The card a trigger pays with: <c>card</c> from the body, else the customer's saved card, else 4242424242424242.
    /// A card that would be refused is 402 <c>PaymentFailed</c> before anything changes.
    /// </summary>
    public static TestCard Card(EmulatorState state, TriggerRequest request, Customer customer)
    {
        var number = request.String("card");
        var card = number is null
            ? state.Checkouts.Cards.CardOf(customer.Id) ?? TestCard.Success
            : TestCard.Find(number) ?? throw ControlBody.Invalid($"Unknown card '{number}'. {TestCard.Describe()}");
        return card.Pays ? card : throw Problems.Error(402, "PaymentFailed", card.FailureDetail);
    }

    /// <summary>
    /// Polar's 403 <c>AlreadyActiveSubscriptionError</c> (<see cref="CheckoutSubscriptionRule"/>), checked before the
    /// checkout exists so a refused trigger leaves nothing behind.
    /// </summary>
    public static void EnsureNoSecondSubscription(EmulatorState state, Product product, Customer customer)
    {
        if (product.IsRecurring && state.Subscriptions.All.Any(s => s.CustomerId == customer.Id && SubscriptionStates.IsBillable(s.Status)))
        {
            throw CheckoutProblems.AlreadyActiveSubscription();
        }
    }

    /// <summary>Pays <paramref name="checkout"/> as the customer would on the hosted page; returns the order it billed.</summary>
    public static Order Pay(EmulatorState state, Checkout checkout, TestCard card)
    {
        using var page = JsonDocument.Parse(CheckoutControlApi.PageInput(state, checkout, []).ToJsonString());
        CheckoutConfirmation.Confirm(state, checkout, page.RootElement, card);
        return state.Orders.All.Last(o => o.CheckoutId == checkout.Id);
    }
}
