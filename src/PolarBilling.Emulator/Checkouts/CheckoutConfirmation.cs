using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// Paying a checkout, as Polar's <c>confirm</c> then <c>handle_success</c> do. Confirm validates the last changes and
/// the required fields, redeems the discount and charges the card through Stripe; a declined card raises at once and
/// nothing is kept (the checkout stays <c>open</c>, no webhook). On success the checkout is <c>confirmed</c>
/// (<c>checkout.updated</c>), then the customer job runs (<c>customer.created</c> or <c>customer.updated</c>, each
/// with <c>customer.state_changed</c>), then <see cref="CheckoutFulfillment"/> does what Polar does on the payment's
/// success. All under the state lock, on a copy that replaces the checkout only once everything validated.
/// </summary>
internal static class CheckoutConfirmation
{
    /// <summary>Confirms and fulfils <paramref name="checkout"/>; returns the confirmed view (as Polar answers) and the paid checkout.</summary>
    /// <exception cref="EmulatorProblem">403 <c>NotOpenCheckout</c>, 422 for missing fields or a discount no longer redeemable, 400 <c>PaymentError</c> for a failing card.</exception>
    public static (Checkout Confirmed, Customer Customer) Confirm(EmulatorState state, Checkout checkout, JsonElement body, TestCard card)
    {
        var draft = ModelProjection.As<Checkout>(checkout);
        CheckoutUpdates.Apply(state, draft, body, CheckoutCaller.Confirm);
        CheckoutViews.Refresh(state, draft);
        var discount = state.Discounts.Find(draft.DiscountId);
        var issues = CheckoutRequirements.Missing(state, draft, discount);
        if (issues.Count > 0)
        {
            throw Problems.Validation(issues);
        }

        // A charge now needs a card that pays; a trial or free first period only saves the card (Stripe SetupIntent).
        if ((draft.IsPaymentRequired && !card.Pays) || (draft.IsPaymentSetupRequired && !card.Attaches))
        {
            throw CheckoutProblems.PaymentError(card);
        }

        var existing = CustomerEngine.Find(state, draft.CustomerId) ?? (draft.CustomerEmail is { } email ? CustomerEngine.FindByEmail(state, email) : null);
        var customer = existing ?? NewCustomer(state, draft);
        UpdateCustomer(customer, draft);
        if (discount is not null)
        {
            DiscountRules.Redeem(state, discount, customer.Id);
        }

        if (draft.IsPaymentFormRequired)
        {
            state.Checkouts.Cards.Save(customer.Id, card);
        }

        draft.CustomerId = customer.Id;
        draft.Status = CheckoutStatus.Confirmed;
        state.Checkouts.Add(draft);
        CheckoutEvents.Updated(state, draft);
        var confirmed = ModelProjection.As<Checkout>(CheckoutViews.Refresh(state, draft));
        if (existing is null)
        {
            CustomerEngine.Created(state, customer);
        }
        else
        {
            CustomerEngine.Updated(state, customer);
        }

        CheckoutFulfillment.Succeed(state, draft, customer);
        return (confirmed, customer);
    }

    // Polar's _create_or_update_customer: a new customer carries the checkout's email and external id.
    private static CustomerIndividual NewCustomer(EmulatorState state, Checkout checkout) => new()
    {
        Id = PolarTokens.NewId(),
        CreatedAt = state.Now,
        Email = checkout.CustomerEmail!,
        EmailVerified = false,
        ExternalId = checkout.ExternalCustomerId,
        OrganizationId = state.Organization.Id,
        Metadata = [],
    };

    private static void UpdateCustomer(Customer customer, Checkout checkout)
    {
        customer.Name = checkout.CustomerName ?? customer.Name;
        customer.BillingName = checkout.CustomerBillingName ?? customer.BillingName;
        customer.BillingAddress = checkout.CustomerBillingAddress ?? customer.BillingAddress;
        // Polar also copies a validated tax id (number and type, checked against the country); the emulator keeps the
        // tax id on the checkout only, as it models no tax.
        foreach (var (key, value) in checkout.CustomerMetadata)
        {
            customer.Metadata[key] = value;
        }
    }
}
