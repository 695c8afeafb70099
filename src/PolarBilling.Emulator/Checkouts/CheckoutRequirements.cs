using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// What Polar's <c>_confirm_inner</c> checks before charging: the discount still redeemable, the price not archived,
/// an email always, and when the payment form is shown a name and the billing address fields the checkout requires
/// (a business customer also a billing name). Each miss is one 422 entry, as Polar reports them together.
/// </summary>
internal static class CheckoutRequirements
{
    public static List<ValidationIssue> Missing(EmulatorState state, Checkout checkout, Discount? discount)
    {
        var issues = new List<ValidationIssue>();
        if (discount is not null && (!DiscountRules.IsRedeemable(state, discount)
            || (checkout.CustomerId is { } customerId && !DiscountRules.IsRedeemableBy(state, discount, customerId))))
        {
            issues.Add(ValidationIssue.BodyValue("discount_id", "Discount is no longer redeemable.", JsonValue.Create(discount.Id)));
        }

        if (state.Products.FindPrice(checkout.ProductPriceId) is { IsArchived: true })
        {
            issues.Add(ValidationIssue.BodyValue("product_price_id", "Price is archived.", JsonValue.Create(checkout.ProductPriceId)));
        }

        Require(issues, checkout.CustomerEmail, "customer_email");
        if (checkout.IsPaymentFormRequired)
        {
            Require(issues, checkout.CustomerName, "customer_name");
            Require(issues, checkout.CustomerBillingAddress, "customer_billing_address");
            if (checkout.CustomerBillingAddress is { } address)
            {
                var fields = checkout.BillingAddressFields;
                RequireField(issues, fields.State, address.State, "state");
                RequireField(issues, fields.City, address.City, "city");
                RequireField(issues, fields.PostalCode, address.PostalCode, "postal_code");
                RequireField(issues, fields.Line1, address.Line1, "line1");
            }
        }

        if (checkout.IsBusinessCustomer)
        {
            Require(issues, checkout.CustomerBillingName, "customer_billing_name");
        }

        return issues;
    }

    private static void Require(List<ValidationIssue> issues, object? value, string field)
    {
        if (value is null)
        {
            issues.Add(new ValidationIssue("missing", ["body", field], "Field is required."));
        }
    }

    private static void RequireField(List<ValidationIssue> issues, BillingAddressFieldMode mode, string? value, string field)
    {
        if (mode == BillingAddressFieldMode.Required && string.IsNullOrEmpty(value))
        {
            issues.Add(new ValidationIssue("missing", ["body", "customer_billing_address", field], "Field is required."));
        }
    }
}
