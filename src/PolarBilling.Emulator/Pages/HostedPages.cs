namespace PolarBilling.Emulator.Pages;

/// <summary>
/// The pages Polar's front end serves, played by the emulator at the URLs its API hands out: the hosted checkout at a
/// checkout's <c>url</c> and the customer portal at a customer session's <c>customer_portal_url</c>. Outside
/// <c>/v1</c>, so Polar's API pipeline leaves them alone. Plain HTML forms: no script, no external asset.
/// </summary>
internal static class HostedPages
{
    public static IEndpointRouteBuilder MapHostedPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/checkout/{clientSecret}", CheckoutPageEndpoints.Show);
        app.MapPost("/checkout/{clientSecret}", CheckoutPageEndpoints.SubmitAsync);
        app.MapGet("/checkout/{clientSecret}/confirmation", ConfirmationPage.Show);
        app.MapGet("/{slug}/portal", PortalEndpoints.Show);
        app.MapPost("/{slug}/portal/subscriptions/{id}/cancel", PortalEndpoints.CancelAsync);
        app.MapPost("/{slug}/portal/subscriptions/{id}/uncancel", PortalEndpoints.UncancelAsync);
        app.MapPost("/{slug}/portal/subscriptions/{id}/product", PortalEndpoints.ChangePlanAsync);
        app.MapPost("/{slug}/portal/card", PortalEndpoints.ReplaceCardAsync);
        app.MapPost("/{slug}/portal/orders/{id}/invoice", PortalEndpoints.GenerateInvoiceAsync);
        return app;
    }
}
