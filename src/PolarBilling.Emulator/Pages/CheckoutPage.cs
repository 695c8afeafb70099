using System.Globalization;
using System.Text;
using PolarBilling.Client;
using PolarBilling.Emulator.Checkouts;
using static PolarBilling.Emulator.Pages.PageLayout;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// The hosted checkout page (Polar's <c>/checkout/{client_secret}</c>): the order summary — product(s), price,
/// discount, taxes, total and the trial — beside the customer's form, all one HTML form so nothing typed is lost when
/// a discount is applied or the plan switched. Renders the refreshed checkout view; call under the state lock.
/// </summary>
internal static partial class CheckoutPage
{
    public const string Purpose = "checkout";

    public static string Render(string organization, Checkout view, CheckoutForm form, IReadOnlyList<string> errors, string? notice)
    {
        var html = new StringBuilder()
            .Append("<form method=\"post\" action=\"/checkout/").Append(Uri.EscapeDataString(view.ClientSecret)).Append("\" class=\"grid\" novalidate>")
            .Append(FormTokens.Field(Purpose, view.ClientSecret))
            // The first submit button is what Enter presses: paying, not applying a discount.
            .Append("<button type=\"submit\" name=\"action\" value=\"pay\" class=\"offscreen\" tabindex=\"-1\" aria-hidden=\"true\">Pay</button>")
            .Append("<section class=\"card summary\">");
        Summary(html, view, form);
        html.Append("</section><section class=\"card details\">").Append(Errors(errors)).Append(Notice(notice));
        Details(html, view, form);
        html.Append("</section></form>");
        return Document(organization, view.Product?.Name ?? "Checkout", "Checkout · test mode", html.ToString());
    }

    private static void Summary(StringBuilder html, Checkout view, CheckoutForm form)
    {
        var product = view.Product;
        html.Append("<h1 class=\"product\">").Append(Encode(product?.Name)).Append("</h1>");
        if (!string.IsNullOrEmpty(product?.Description))
        {
            html.Append("<p class=\"muted\">").Append(Encode(product.Description)).Append("</p>");
        }

        if (view.Products.Count > 1)
        {
            Choices(html, view, form);
        }

        var every = Recurrence(product);
        html.Append("<table class=\"lines\"><tr class=\"price\"><td>").Append(Encode(product?.Name));
        if (view.Seats is { } seats)
        {
            html.Append(" × ").Append(seats.ToString(CultureInfo.InvariantCulture)).Append(seats == 1 ? " seat" : " seats");
        }

        html.Append("</td><td class=\"amount\">").Append(Money(view.Amount, view.Currency)).Append(every is null ? string.Empty : " / " + Encode(every)).Append("</td></tr>");
        foreach (var metered in CheckoutViews.SelectedPrices(view).OfType<ProductPriceMeteredUnit>())
        {
            html.Append("<tr class=\"metered\"><td>").Append(Encode(metered.Meter.Name)).Append("</td><td class=\"amount\">")
                .Append(Encode((metered.UnitAmount / 100m).ToString("0.00##########", CultureInfo.InvariantCulture))).Append(' ').Append(Encode(metered.PriceCurrency.ToUpperInvariant()))
                .Append(" per unit, billed at period end</td></tr>");
        }

        html.Append("<tr class=\"subtotal\"><td>Subtotal</td><td class=\"amount\">").Append(Money(view.Amount, view.Currency)).Append("</td></tr>");
        if (view.Discount is { } discount)
        {
            html.Append("<tr class=\"discount\"><td>Discount (").Append(Encode(discount.Code ?? discount.Name)).Append(")</td><td class=\"amount\">")
                .Append(Money(-view.DiscountAmount, view.Currency)).Append("</td></tr>");
        }

        html.Append("<tr class=\"tax\"><td>Taxes</td><td class=\"amount\">").Append(view.TaxAmount is { } tax ? Money(tax, view.Currency) : "Calculated from your billing address").Append("</td></tr>");
        if (view.TrialEnd is { } trialEnd)
        {
            html.Append("<tr class=\"total\"><td>Total after the trial</td><td class=\"amount\">").Append(Money(view.TotalAmount, view.Currency)).Append("</td></tr>")
                .Append("<tr class=\"total due\"><td>Due today</td><td class=\"amount\">").Append(Money(0, view.Currency)).Append("</td></tr></table>")
                .Append("<p class=\"trial notice\">Free trial for ").Append(Encode(Trial(view))).Append(". Your first charge of ")
                .Append(Money(view.TotalAmount, view.Currency)).Append(" is on ").Append(Date(trialEnd)).Append(".</p>");
        }
        else
        {
            html.Append("<tr class=\"total\"><td>Total</td><td class=\"amount\">").Append(Money(view.TotalAmount, view.Currency)).Append(every is null ? string.Empty : " / " + Encode(every)).Append("</td></tr></table>");
        }
    }

    // Several products: the customer picks one (Polar's product switcher), through a client update of product_id.
    private static void Choices(StringBuilder html, Checkout view, CheckoutForm form)
    {
        html.Append("<fieldset class=\"choices\"><legend>Choose a plan</legend>");
        foreach (var product in view.Products)
        {
            var selected = product.Id == (form.ProductId.Length > 0 ? form.ProductId : view.ProductId);
            html.Append("<label><input type=\"radio\" name=\"product_id\" value=\"").Append(Encode(product.Id)).Append('"').Append(selected ? " checked" : string.Empty).Append("> ")
                .Append(Encode(product.Name)).Append(" <span class=\"muted\">").Append(Encode(PriceLabel(product, view.Prices))).Append("</span></label>");
        }

        html.Append("<button type=\"submit\" name=\"action\" value=\"product\">Switch plan</button></fieldset>");
    }

    private static string PriceLabel(CheckoutProduct product, Dictionary<string, List<ProductPrice>>? prices)
    {
        var list = prices is not null && prices.TryGetValue(product.Id, out var own) ? own : product.Prices;
        var every = Recurrence(product);
        var label = list.FirstOrDefault() switch
        {
            ProductPriceFixed { PriceAmount: 0 } => "Free",
            ProductPriceFixed fixedPrice => Money(fixedPrice.PriceAmount, fixedPrice.PriceCurrency),
            ProductPriceCustom => "Pay what you want",
            ProductPriceSeatBased => "Per seat",
            ProductPriceMeteredUnit => "Usage based",
            _ => string.Empty,
        };
        return every is null || label.Length == 0 ? label : $"{label} / {every}";
    }

    private static string? Recurrence(CheckoutProduct? product) =>
        product is { IsRecurring: true, RecurringInterval: { } interval } ? Every(interval.Value, product.RecurringIntervalCount ?? 1) : null;

    private static string Trial(Checkout view) =>
        view.ActiveTrialInterval is { } interval && view.ActiveTrialIntervalCount is { } count
            ? string.Create(CultureInfo.InvariantCulture, $"{count} {interval.Value}{(count == 1 ? string.Empty : "s")}")
            : "the trial period";
}
