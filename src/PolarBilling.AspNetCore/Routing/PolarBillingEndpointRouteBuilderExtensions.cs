using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolarBilling;
using PolarBilling.AspNetCore.Checkouts;
using PolarBilling.AspNetCore.Endpoints;
using PolarBilling.AspNetCore.Orders;
using PolarBilling.AspNetCore.Portal;
using PolarBilling.AspNetCore.Security;
using PolarBilling.AspNetCore.Subscriptions;
using PolarBilling.AspNetCore.Usage;
using PolarBilling.AspNetCore.Webhooks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the PolarBilling endpoints.</summary>
public static class PolarBillingEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the billing endpoints under <c>{RoutePrefix}/billing</c> (each requires an authenticated user and acts only
    /// on that user's own customer; cookie-authenticated changes need the antiforgery header) and the anonymous,
    /// signature-checked webhook receiver at <c>{RoutePrefix}/webhooks/polar</c>, and the signed-in user's usage at
    /// <c>{RoutePrefix}/usage/current</c>, <c>/usage/history</c> and <c>/usage/invoice-preview</c>. Call <c>app.UseAuthentication()</c>
    /// and <c>app.UseAuthorization()</c> before it.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <returns>The group of all PolarBilling endpoints (<c>{RoutePrefix}</c>), for further conventions.</returns>
    public static RouteGroupBuilder MapPolarBilling(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<PolarBillingOptions>>().Value;
        var root = endpoints.MapGroup(options.RoutePrefix.TrimEnd('/')).WithTags("Billing");

        root.MapPost("/webhooks/polar", PolarWebhookReceiver.ReceiveAsync)
            .WithName("PolarWebhook")
            .WithSummary("Receives Polar webhooks: verifies the signature and stores the delivery for projection.")
            .Accepts<byte[]>("application/json")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AllowAnonymous()
            .DisableAntiforgery();

        var billing = root.MapGroup("/billing")
            .RequireAuthorization()
            .AddEndpointFilter<CookieAntiforgeryFilter>()
            .AddEndpointFilter<PolarErrorFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        billing.MapGet("/antiforgery", AntiforgeryEndpoints.GetToken)
            .WithName("GetBillingAntiforgeryToken")
            .WithSummary("Issues the antiforgery token that cookie-authenticated billing changes must send.");
        billing.MapPost("/checkout", CheckoutEndpoints.CreateCheckoutAsync)
            .WithName("CreateCheckout")
            .WithSummary("Starts a Polar checkout for a plan or one-time product.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        billing.MapGet("/checkout/{id}/confirm", CheckoutEndpoints.ConfirmCheckoutAsync)
            .WithName("ConfirmCheckout")
            .WithSummary("Reads the user's checkout from Polar and projects its outcome at once.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        billing.MapGet("/portal", PortalEndpoints.GetPortalAsync)
            .WithName("GetCustomerPortal")
            .WithSummary("Opens Polar's customer portal for the user (JSON, or 302 with ?redirect=true).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        billing.MapGet("/subscription", SubscriptionEndpoints.GetSubscriptionAsync)
            .WithName("GetSubscription")
            .WithSummary("The user's plan, subscription dates, features and limits.");
        billing.MapPut("/subscription/upgrade", SubscriptionEndpoints.UpgradeAsync)
            .WithName("UpgradeSubscription")
            .WithSummary("Moves the subscription to a higher plan (default proration: Polar:UpgradeProration).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status409Conflict);
        billing.MapPut("/subscription/downgrade", SubscriptionEndpoints.DowngradeAsync)
            .WithName("DowngradeSubscription")
            .WithSummary("Moves the subscription to a lower plan (default proration: Polar:DowngradeProration).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        billing.MapDelete("/subscription/cancel", SubscriptionEndpoints.CancelAsync)
            .WithName("CancelSubscription")
            .WithSummary("Cancels at the end of the period, or at once with ?immediately=true.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        billing.MapPost("/subscription/resume", SubscriptionEndpoints.ResumeAsync)
            .WithName("ResumeSubscription")
            .WithSummary("Takes back a cancellation at period end.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        billing.MapGet("/orders", OrderEndpoints.ListOrdersAsync)
            .WithName("ListOrders")
            .WithSummary("The user's payment history, newest first.");
        billing.MapGet("/orders/{id}/invoice", OrderEndpoints.GetInvoiceAsync)
            .WithName("GetOrderInvoice")
            .WithSummary("Redirects to Polar's invoice of one of the user's paid orders.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var usage = root.MapGroup("/usage")
            .RequireAuthorization()
            .AddEndpointFilter<PolarErrorFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        usage.MapGet("/current", UsageEndpoints.GetCurrentAsync)
            .WithName("GetCurrentUsage")
            .WithSummary("The user's usage per meter in the current billing period: used, included, remaining, overage and alert level.");
        usage.MapGet("/history", UsageEndpoints.GetHistoryAsync)
            .WithName("GetUsageHistory")
            .WithSummary("The user's usage per meter by hour or day (?from&to ISO 8601, interval=hour|day, meter), every bucket present.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        usage.MapGet("/invoice-preview", UsageEndpoints.GetInvoicePreviewAsync)
            .WithName("GetUsageInvoicePreview")
            .WithSummary("What the renewal order will charge for the current period: base fee, metered lines, discount, total.");
        return root;
    }
}
