using System.Globalization;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// What the customer typed on the hosted checkout page (or what the checkout already holds, for the first render),
/// and the body it becomes for Polar's confirm (<c>CheckoutConfirmStripe</c>): only what was typed, so the rules
/// that run on confirm are the ones Polar runs.
/// </summary>
internal sealed record CheckoutForm(
    string Action, string Email, string Name, string Card, string DiscountCode, string ProductId,
    string Country, string State, string Line1, string Line2, string City, string PostalCode, string Amount = "", string Seats = "")
{
    /// <summary>The form as first shown: the checkout's own customer fields.</summary>
    public static CheckoutForm From(Checkout view)
    {
        var address = view.CustomerBillingAddress;
        return new CheckoutForm(
            "pay", view.CustomerEmail ?? string.Empty, view.CustomerName ?? string.Empty, string.Empty, view.Discount?.Code ?? string.Empty, view.ProductId ?? string.Empty,
            address?.Country ?? string.Empty, address?.State ?? string.Empty, address?.Line1 ?? string.Empty, address?.Line2 ?? string.Empty, address?.City ?? string.Empty, address?.PostalCode ?? string.Empty,
            (view.Amount / 100m).ToString("0.00", CultureInfo.InvariantCulture), view.Seats?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
    }

    public static CheckoutForm Read(IFormCollection form)
    {
        string Field(string name) => form[name].ToString().Trim();
        var action = Field("action");
        return new CheckoutForm(
            action.Length == 0 ? "pay" : action, Field("customer_email"), Field("customer_name"), Field("card_number"), Field("discount_code"), Field("product_id"),
            Field("country").ToUpperInvariant(), Field("state"), Field("line1"), Field("line2"), Field("city"), Field("postal_code"), Field("amount"), Field("seats"));
    }

    /// <summary>The confirm body: the email (unless the checkout belongs to a customer), name, billing address, and a discount code typed but not applied yet.</summary>
    /// <exception cref="EmulatorProblem">422 for an email or country Polar would refuse.</exception>
    public JsonObject ConfirmBody(Checkout view)
    {
        var body = PriceChange(view);
        if (view.CustomerId is null && Email.Length > 0)
        {
            body["customer_email"] = CustomerFields.Email(Email, "customer_email");
        }

        if (Name.Length > 0)
        {
            body["customer_name"] = Name;
        }

        if (BillingAddress() is { } address)
        {
            body["customer_billing_address"] = address;
        }

        if (DiscountCode.Length > 0 && !string.Equals(DiscountCode, view.Discount?.Code, StringComparison.OrdinalIgnoreCase))
        {
            body["discount_code"] = DiscountCode;
        }

        return body;
    }

    /// <summary>
    /// The amount of a pay-what-you-want price (typed in major units, e.g. <c>12.50</c>) and the seats of a seat-based
    /// price, when they differ from the checkout's: Polar's <c>amount</c> and <c>seats</c>.
    /// </summary>
    /// <exception cref="EmulatorProblem">422 for a number that is not one.</exception>
    public JsonObject PriceChange(Checkout view)
    {
        var change = new JsonObject();
        var price = CheckoutViews.SelectedPrices(view).FirstOrDefault(p => p.Id == view.ProductPriceId);
        if (price is ProductPriceCustom && Amount.Length > 0)
        {
            if (!decimal.TryParse(Amount.TrimStart('$'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major) || decimal.Round(major, 2) != major)
            {
                throw Problems.Validation(new ValidationIssue("decimal_parsing", ["body", "amount"], "Enter an amount such as 12.50.", JsonValue.Create(Amount)));
            }

            var cents = (long)(major * 100);
            if (cents != view.Amount)
            {
                change["amount"] = cents;
            }
        }

        if (price is ProductPriceSeatBased && Seats.Length > 0)
        {
            if (!long.TryParse(Seats, NumberStyles.None, CultureInfo.InvariantCulture, out var seats) || seats < 1)
            {
                throw Problems.Validation(new ValidationIssue("int_parsing", ["body", "seats"], "Enter a whole number of seats, at least 1.", JsonValue.Create(Seats)));
            }

            if (seats != view.Seats)
            {
                change["seats"] = seats;
            }
        }

        return change;
    }

    private JsonObject? BillingAddress() =>
        BillingAddressInput.Build(Country, State, Line1, Line2, City, PostalCode, "customer_billing_address");
}
