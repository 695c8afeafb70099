using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Pages;

/// <summary>The one-message pages: unknown or expired checkout, invalid portal session, refused form.</summary>
internal static class MessagePage
{
    public static IResult Show(HttpContext context, EmulatorState state, int status, string title, string message, string badge = "Polar emulator") =>
        PageResults.Html(
            context,
            PageLayout.Document(state.Organization.Name, title, badge, $"<div class=\"card\"><h1>{PageLayout.Encode(title)}</h1><p>{PageLayout.Encode(message)}</p></div>"),
            status);

    public static IResult CheckoutNotFound(HttpContext context, EmulatorState state) =>
        Show(context, state, StatusCodes.Status404NotFound, "Checkout not found", "This checkout link is not valid. Ask the merchant for a new one.", "Checkout");

    public static IResult CheckoutExpired(HttpContext context, EmulatorState state) =>
        Show(context, state, StatusCodes.Status410Gone, "Checkout expired", "This checkout session has expired. Go back to the merchant to start a new one.", "Checkout");

    public static IResult FormRefused(HttpContext context, EmulatorState state) =>
        Show(context, state, StatusCodes.Status403Forbidden, "Form refused", "This form did not come from this page or has expired. Reload the page and try again.");
}
