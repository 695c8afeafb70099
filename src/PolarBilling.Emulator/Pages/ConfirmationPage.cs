using System.Text;
using PolarBilling.Client;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.State;
using static PolarBilling.Emulator.Pages.PageLayout;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// <c>GET /checkout/{client_secret}/confirmation</c>: Polar's own success page, where a checkout without a
/// merchant <c>success_url</c> lands. Shows what was bought and, with the <c>customer_session_token</c> the checkout
/// page appended, a link to the customer portal.
/// </summary>
internal static class ConfirmationPage
{
    public static IResult Show(HttpContext context, EmulatorState state, string clientSecret)
    {
        lock (state.Gate)
        {
            if (state.Checkouts.FindByClientSecret(clientSecret) is not { } checkout)
            {
                return MessagePage.CheckoutNotFound(context, state);
            }

            var view = CheckoutViews.Refresh(state, ModelProjection.As<Checkout>(checkout));
            var (title, message) = view.Status.Value switch
            {
                "succeeded" => ("Thank you!", "Your purchase is complete."),
                "confirmed" => ("Payment processing", "We are processing your payment."),
                "open" => ("Checkout not paid", "This checkout has not been paid yet."),
                _ => ("Checkout " + view.Status.Value, "This checkout did not complete."),
            };
            var html = new StringBuilder("<div class=\"card confirmation\"><h1>").Append(Encode(title)).Append("</h1><p class=\"status\">").Append(Encode(message)).Append("</p>")
                .Append("<table><tr><td class=\"product\">").Append(Encode(view.Product?.Name)).Append("</td><td class=\"amount\">")
                .Append(view.TrialEnd is { } trialEnd ? "Free trial until " + Date(trialEnd) + ", then " + Money(view.TotalAmount, view.Currency) : Money(view.TotalAmount, view.Currency))
                .Append("</td></tr></table>");
            var access = PortalAccess.Find(state, context.Request.Query[PortalAccess.TokenField]);
            if (access is not null && access.Customer.Id == view.CustomerId)
            {
                html.Append("<p style=\"margin-top:16px\"><a class=\"portal\" href=\"").Append(Encode(access.Url(state))).Append("\">Manage your purchases in the customer portal</a></p>");
            }

            return PageResults.Html(context, Document(state.Organization.Name, title, "Checkout · test mode", html.Append("</div>").ToString()));
        }
    }
}
