using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.Orders;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// What the portal's buttons do, through the engines Polar's customer portal service calls (server
/// <c>customer_portal/service/subscription.py</c>): cancel at period end, uncancel, <c>update_product</c> with the
/// organization's proration behaviour and public products only, a new saved card (<see cref="CardReplacement"/>),
/// an invoice generated. Each returns its notice code, or <see langword="null"/> when the id is not the customer's.
/// </summary>
/// <exception cref="EmulatorProblem">Polar's refusal (403 already canceled, 422 plan, 400 card declined, …).</exception>
internal static class PortalActions
{
    public static string? Cancel(EmulatorState state, PortalAccess access, string subscriptionId) =>
        Change(state, access, subscriptionId, PortalNotices.Canceled, change => SubscriptionLifecycle.Cancel(state, change, null, null, immediately: false));

    public static string? Uncancel(EmulatorState state, PortalAccess access, string subscriptionId) =>
        Change(state, access, subscriptionId, PortalNotices.Uncanceled, SubscriptionLifecycle.Uncancel);

    public static string? ChangePlan(EmulatorState state, PortalAccess access, string subscriptionId, string productId)
    {
        var behavior = state.Organization.ProrationBehavior;
        if (behavior == "reset")
        {
            // As the subscriptions API: the reset behaviour is not enabled for organizations.
            throw Problems.InvalidField("proration_behavior", "The 'reset' proration behavior is not enabled for this organization.", JsonValue.Create(behavior));
        }

        var notice = behavior == "next_period" ? PortalNotices.PlanScheduled : PortalNotices.PlanChanged;
        return Change(state, access, subscriptionId, notice, change =>
        {
            if (!PortalPage.PlanChangeAllowed(state))
            {
                throw Problems.Error(403, "UpdateSubscriptionPlanNotAllowed", "Updating subscription plan is not allowed.");
            }

            // Polar's allowed_visibilities: a product the portal would not offer does not exist for the customer.
            if (!PortalPage.PlanChoices(state, change.Subscription).Any(p => p.Id == productId)
                && state.Products.Find(productId) is { } hidden && hidden.Visibility != ProductVisibility.Public)
            {
                throw Problems.InvalidField("product_id", "Product does not exist.", JsonValue.Create(productId));
            }

            PlanChange.Apply(state, change, productId, behavior, discountChoice: null);
        });
    }

    public static string ReplaceCard(EmulatorState state, PortalAccess access, string number)
    {
        var card = TestCard.Find(number)
            ?? throw Problems.Validation(new ValidationIssue("value_error", ["body", "card_number"], $"Unknown test card '{number}'. {TestCard.Describe()}", JsonValue.Create(number)));

        // Stripe's SetupIntent refuses a card that cannot even be saved; the old card stays.
        if (!card.Attaches)
        {
            throw Problems.Error(400, "PaymentMethodError", $"{card.Message} Please try again with a different card.");
        }

        return CardReplacement.Replace(state, access.Customer.Id, card) > 0 ? PortalNotices.CardRecovered : PortalNotices.CardReplaced;
    }

    /// <summary>
    /// Polar's portal flow for an invoice: the billing details the customer typed are saved on the order first (the
    /// portal's order update, <c>order.updated</c>), then the invoice is generated as <c>POST /v1/orders/{id}/invoice</c>.
    /// </summary>
    public static string? GenerateInvoice(EmulatorState state, PortalAccess access, string orderId, IFormCollection form)
    {
        if (access.Order(state, orderId) is not { } order)
        {
            return null;
        }

        if (!order.IsInvoiceGenerated)
        {
            var name = form["billing_name"].ToString().Trim();
            var address = order.BillingAddress is null ? BillingAddressInput.Read(form, "billing_address") : null;
            if ((name.Length > 0 && name != order.BillingName) || address is not null)
            {
                order.BillingName = name.Length > 0 ? name : order.BillingName;
                order.BillingAddress = address is null ? order.BillingAddress : PolarJson.Deserialize<Address>(address.ToJsonString());
                order.ModifiedAt = state.Now;
                OrderEngine.Emit(state, order, OrderEvent.Updated);
            }
        }

        _ = OrderInvoices.Generate(state, orderId);
        return PortalNotices.InvoiceReady;
    }

    private static string? Change(EmulatorState state, PortalAccess access, string subscriptionId, string notice, Action<SubscriptionChange> apply)
    {
        if (access.Subscription(state, subscriptionId) is not { } subscription)
        {
            return null;
        }

        var change = new SubscriptionChange(state, subscription);
        apply(change);
        change.Complete();
        return notice;
    }
}
