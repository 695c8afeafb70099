using System.Text;
using PolarBilling.Client;
using PolarBilling.Emulator.Checkouts;
using static PolarBilling.Emulator.Pages.PageLayout;

namespace PolarBilling.Emulator.Pages;

/// <content>The customer's side: contact, card and billing address when Polar shows its payment form, discount code, pay button.</content>
internal static partial class CheckoutPage
{
    private static void Details(StringBuilder html, Checkout view, CheckoutForm form)
    {
        Quantities(html, view, form);
        html.Append("<h2>Your details</h2>");
        Input(html, "customer_email", "Email", "email", form.Email, locked: view.CustomerId is not null, hint: view.CustomerId is null ? null : "The merchant set this checkout up for your account.");
        Input(html, "customer_name", view.IsPaymentFormRequired ? "Cardholder name" : "Name", "text", form.Name);
        if (view.IsPaymentFormRequired)
        {
            html.Append("<h2 style=\"margin-top:20px\">Payment</h2>");
            Input(html, "card_number", "Card number", "text", form.Card, hint: TestCard.Describe(), placeholder: "4242 4242 4242 4242", autocomplete: "cc-number");
            html.Append("<h2 style=\"margin-top:20px\">Billing address</h2>");
            Input(html, "country", "Country", "text", form.Country, hint: "Two-letter code, e.g. US, DE, GB.", autocomplete: "country");
            Input(html, "line1", "Address", "text", form.Line1, autocomplete: "address-line1");
            Input(html, "line2", "Address line 2 (optional)", "text", form.Line2, autocomplete: "address-line2");
            html.Append("<div class=\"row\"><div>");
            Input(html, "city", "City", "text", form.City, autocomplete: "address-level2");
            html.Append("</div><div>");
            Input(html, "postal_code", "Postal code", "text", form.PostalCode, autocomplete: "postal-code");
            html.Append("</div></div>");
            Input(html, "state", "State / province", "text", form.State, hint: "Required in the US and Canada, e.g. CA or NY.", autocomplete: "address-level1");
        }

        if (view.AllowDiscountCodes && view.IsDiscountApplicable)
        {
            Discount(html, view, form);
        }

        html.Append("<button type=\"submit\" name=\"action\" value=\"pay\" class=\"primary\">").Append(Encode(PayLabel(view))).Append("</button>")
            .Append("<p class=\"hint\">Polar emulator: test mode, no real payment is taken.</p>");
    }

    // Polar's page lets the customer pick the amount of a pay-what-you-want price and the seats of a seat-based one.
    private static void Quantities(StringBuilder html, Checkout view, CheckoutForm form)
    {
        var price = CheckoutViews.SelectedPrices(view).FirstOrDefault(p => p.Id == view.ProductPriceId);
        if (price is ProductPriceCustom custom)
        {
            var range = "Minimum " + Money(custom.MinimumAmount, view.Currency) + (custom.MaximumAmount is { } maximum ? ", maximum " + Money(maximum, view.Currency) : string.Empty) + ".";
            Quantity(html, "amount", "Name a fair price (" + view.Currency.ToUpperInvariant() + ")", form.Amount, range);
        }
        else if (price is ProductPriceSeatBased)
        {
            Quantity(html, "seats", "Seats", form.Seats, null);
        }
    }

    private static void Quantity(StringBuilder html, string name, string label, string value, string? hint)
    {
        html.Append("<label for=\"").Append(name).Append("\">").Append(Encode(label)).Append("</label><div class=\"inline\">")
            .Append("<input type=\"text\" inputmode=\"decimal\" id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" value=\"").Append(Encode(value)).Append("\">")
            .Append("<button type=\"submit\" name=\"action\" value=\"price\">Update</button></div>");
        if (hint is not null)
        {
            html.Append("<div class=\"hint\">").Append(Encode(hint)).Append("</div>");
        }
    }

    private static void Discount(StringBuilder html, Checkout view, CheckoutForm form)
    {
        html.Append("<label for=\"discount_code\">Discount code</label><div class=\"inline\">")
            .Append("<input type=\"text\" id=\"discount_code\" name=\"discount_code\" value=\"").Append(Encode(form.DiscountCode)).Append("\" autocomplete=\"off\">")
            .Append("<button type=\"submit\" name=\"action\" value=\"discount\">Apply</button>");
        if (view.Discount is not null)
        {
            html.Append("<button type=\"submit\" name=\"action\" value=\"remove_discount\">Remove</button>");
        }

        html.Append("</div>");
    }

    private static string PayLabel(Checkout view) => view switch
    {
        { TrialEnd: not null } => "Start trial",
        { IsPaymentRequired: true } => "Pay " + Money(view.TotalAmount, view.Currency),
        { IsPaymentSetupRequired: true } or { Product.IsRecurring: true } => "Subscribe",
        _ => "Get it free",
    };

    private static void Input(StringBuilder html, string name, string label, string type, string value, bool locked = false, string? hint = null, string? placeholder = null, string? autocomplete = null)
    {
        html.Append("<label for=\"").Append(name).Append("\">").Append(Encode(label)).Append("</label>")
            .Append("<input type=\"").Append(type).Append("\" id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" value=\"").Append(Encode(value)).Append('"');
        if (locked)
        {
            html.Append(" readonly");
        }

        if (placeholder is not null)
        {
            html.Append(" placeholder=\"").Append(Encode(placeholder)).Append('"');
        }

        if (autocomplete is not null)
        {
            html.Append(" autocomplete=\"").Append(autocomplete).Append('"');
        }

        html.Append('>');
        if (hint is not null)
        {
            html.Append("<div class=\"hint\">").Append(Encode(hint)).Append("</div>");
        }
    }
}
