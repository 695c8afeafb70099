using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// What Polar's hosted checkout page calls with the client secret and no token: read, update (a customer may type a
/// discount code) and confirm. A checkout past <c>expires_at</c> answers 410 <c>ExpiredCheckoutError</c> whatever its
/// status (server <c>get_by_client_secret</c>).
/// </summary>
internal static class CheckoutClientApi
{
    public static IEndpointRouteBuilder MapCheckoutClientApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/checkouts/client/{client_secret}", Get).WithPolarOperation("checkouts:client_get");
        v1.MapPatch("/checkouts/client/{client_secret}", Update).WithPolarOperation("checkouts:client_update");
        v1.MapPost("/checkouts/client/{client_secret}/confirm", Confirm).WithPolarOperation("checkouts:client_confirm");
        return v1;
    }

    private static IResult Get(EmulatorState state, [Microsoft.AspNetCore.Mvc.FromRoute(Name = "client_secret")] string clientSecret)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(CheckoutViews.ToPublic(state, Find(state, clientSecret)));
        }
    }

    private static IResult Update(HttpContext context, EmulatorState state, [Microsoft.AspNetCore.Mvc.FromRoute(Name = "client_secret")] string clientSecret)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            var checkout = Find(state, clientSecret);
            var draft = ModelProjection.As<Checkout>(checkout);
            CheckoutUpdates.Apply(state, draft, body, CheckoutCaller.Customer);
            state.Checkouts.Add(draft);
            CheckoutEvents.Updated(state, draft);
            return ApiResults.Json(CheckoutViews.ToPublic(state, draft));
        }
    }

    /// <summary>
    /// Confirms and pays. The emulator has no Stripe.js: <c>confirmation_token_id</c> stands for the card. A Stripe
    /// test card number or test token picks the outcome (<c>tok_chargeDeclined</c>,
    /// <c>tok_chargeDeclinedInsufficientFunds</c>, <c>4000000000000002</c>, …); any other token pays like 4242.
    /// </summary>
    private static IResult Confirm(HttpContext context, EmulatorState state, [Microsoft.AspNetCore.Mvc.FromRoute(Name = "client_secret")] string clientSecret)
    {
        var body = context.Body();
        var token = body.TryGetProperty("confirmation_token_id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        lock (state.Gate)
        {
            var checkout = Find(state, clientSecret);
            if (token is null && CheckoutViews.Refresh(state, ModelProjection.As<Checkout>(checkout)).IsPaymentFormRequired && checkout.Status == CheckoutStatus.Open)
            {
                throw Problems.Validation(new ValidationIssue("missing", ["body", "confirmation_token_id"], "Confirmation token is required."));
            }

            var (confirmed, customer) = CheckoutConfirmation.Confirm(state, checkout, body, CardOf(token));
            return ApiResults.Json(CheckoutViews.ToConfirmed(state, confirmed, CheckoutSessions.Create(state, customer)));
        }
    }

    private static TestCard CardOf(string? token) => token switch
    {
        "tok_chargeDeclined" => TestCard.Declined,
        "tok_chargeDeclinedInsufficientFunds" => TestCard.InsufficientFunds,
        _ => TestCard.Find(token) ?? TestCard.Success,
    };

    private static Checkout Find(EmulatorState state, string clientSecret)
    {
        CheckoutExpiry.ExpireDue(state);
        var checkout = state.Checkouts.FindByClientSecret(clientSecret) ?? throw Problems.NotFound();
        return CheckoutExpiry.IsPast(state, checkout) ? throw CheckoutProblems.Expired() : checkout;
    }
}
