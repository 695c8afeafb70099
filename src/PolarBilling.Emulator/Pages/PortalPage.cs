using System.Text;
using PolarBilling.Client;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.State;
using static PolarBilling.Emulator.Pages.PageLayout;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// The customer portal (Polar's <c>/{org}/portal</c>): the customer's subscriptions with cancel, uncancel and plan
/// change, the saved card with a form to replace it, and the orders with their receipts and invoices. Every form
/// posts to a <c>/{org}/portal/...</c> action carrying the session token. Call under the state lock.
/// </summary>
internal static partial class PortalPage
{
    public static string Render(EmulatorState state, PortalAccess access, string? notice, IReadOnlyList<string> errors)
    {
        var customer = access.Customer;
        var html = new StringBuilder("<div class=\"card\"><h1>Customer portal</h1><p class=\"customer\"><span class=\"name\">")
            .Append(Encode(customer.Name ?? customer.BillingName ?? "Your account")).Append("</span> <span class=\"muted email\">")
            .Append(Encode(CustomerEngine.EmailOf(customer))).Append("</span></p>");
        if (ReturnLink(access.Session.ReturnUrl) is { } back)
        {
            html.Append("<p><a href=\"").Append(Encode(back)).Append("\">← Back to ").Append(Encode(state.Organization.Name)).Append("</a></p>");
        }

        html.Append(Errors(errors)).Append(Notice(notice)).Append("</div>");
        Subscriptions(html, state, access);
        PaymentMethod(html, state, access);
        Orders(html, state, access);
        return Document(state.Organization.Name, "Customer portal", "Customer portal · test mode", html.ToString());
    }

    private static void PaymentMethod(StringBuilder html, EmulatorState state, PortalAccess access)
    {
        var card = state.Checkouts.Cards.CardOf(access.Customer.Id);
        html.Append("<section class=\"card payment-method\"><h2>Payment method</h2><p class=\"saved-card\">")
            .Append(card is null ? "No card saved." : "Card ending in " + card.Number[^4..]).Append("</p>")
            .Append("<form method=\"post\" action=\"").Append(Action(state, "card")).Append("\">").Append(access.Fields())
            .Append("<label for=\"card_number\">New card number</label><div class=\"inline\">")
            .Append("<input type=\"text\" id=\"card_number\" name=\"card_number\" placeholder=\"4242 4242 4242 4242\" autocomplete=\"cc-number\">")
            .Append("<button type=\"submit\">Replace card</button></div><div class=\"hint\">").Append(Encode(TestCard.Describe())).Append("</div></form></section>");
    }

    /// <summary>Where a portal form posts: <c>/{org}/portal/{path}</c>.</summary>
    private static string Action(EmulatorState state, string path) => $"/{Uri.EscapeDataString(state.Organization.Slug)}/portal/{path}";

    private static string Form(EmulatorState state, PortalAccess access, string path, string label, string css = "") =>
        $"<form method=\"post\" action=\"{Action(state, path)}\">{access.Fields()}<button type=\"submit\"{(css.Length == 0 ? string.Empty : $" class=\"{css}\"")}>{Encode(label)}</button></form>";

    // The merchant's return_url, as a link only when it is a web address (never javascript: or data:).
    private static string? ReturnLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;
}
