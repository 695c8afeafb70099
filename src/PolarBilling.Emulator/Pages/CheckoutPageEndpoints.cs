using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PolarBilling.Client;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// <c>GET /checkout/{client_secret}</c> shows the page; <c>POST</c> does what its button says, through the code
/// Polar's client endpoints use: <c>discount</c>/<c>remove_discount</c>/<c>product</c> are the client update
/// (<c>checkout.updated</c>) and re-render; <c>pay</c> is confirm (<see cref="CheckoutConfirmation.Confirm"/>, as
/// <c>POST /emulator/checkouts/{id}/complete</c>), then 303 to the success URL with <c>customer_session_token</c>
/// added as Polar's page adds it. Refusals re-render with Polar's message: 422 invalid input, 402 a declined card
/// (the checkout stays open), 410 expired, 403 no longer open.
/// </summary>
internal static class CheckoutPageEndpoints
{
    public static IResult Show(HttpContext context, EmulatorState state, string clientSecret)
    {
        lock (state.Gate)
        {
            if (Find(context, state, clientSecret, posting: false, out var checkout) is { } refusal)
            {
                return refusal;
            }

            var view = View(state, checkout!);
            return PageResults.Html(context, CheckoutPage.Render(state.Organization.Name, view, CheckoutForm.From(view), [], null));
        }
    }

    public static async Task<IResult> SubmitAsync(HttpContext context, EmulatorState state, string clientSecret)
    {
        if (!context.Request.HasFormContentType)
        {
            return MessagePage.FormRefused(context, state);
        }

        var posted = await context.Request.ReadFormAsync(context.RequestAborted);
        var form = CheckoutForm.Read(posted);
        lock (state.Gate)
        {
            if (Find(context, state, clientSecret, posting: true, out var checkout) is { } refusal)
            {
                return refusal;
            }

            if (!FormTokens.Matches(CheckoutPage.Purpose, clientSecret, posted[FormTokens.FieldName]))
            {
                return MessagePage.FormRefused(context, state);
            }

            try
            {
                return form.Action switch
                {
                    "discount" => Update(context, state, checkout!, form, new JsonObject { ["discount_code"] = form.DiscountCode.Length == 0 ? null : form.DiscountCode }, "Discount code applied."),
                    "remove_discount" => Update(context, state, checkout!, form with { DiscountCode = string.Empty }, new JsonObject { ["discount_code"] = null }, "Discount removed."),
                    "product" => Update(context, state, checkout!, form, new JsonObject { ["product_id"] = form.ProductId }, "Plan switched."),
                    "price" => Update(context, state, checkout!, form, form.PriceChange(View(state, checkout!)), "Price updated."),
                    _ => Pay(context, state, checkout!, form),
                };
            }
            catch (EmulatorProblem problem) when (problem.Status is >= 400 and < 500)
            {
                var status = problem.Body?["error"]?.GetValue<string>() == "PaymentError" ? StatusCodes.Status402PaymentRequired : problem.Status;
                var view = View(state, state.Checkouts.Get(checkout!.Id));
                return PageResults.Html(context, CheckoutPage.Render(state.Organization.Name, view, form, PageMessages.From(problem), null), status);
            }
        }
    }

    // Polar's client update: applied to a copy that replaces the checkout only when every rule passed.
    private static IResult Update(HttpContext context, EmulatorState state, Checkout checkout, CheckoutForm form, JsonObject change, string notice)
    {
        using var body = JsonDocument.Parse(change.ToJsonString());
        var draft = ModelProjection.As<Checkout>(checkout);
        CheckoutUpdates.Apply(state, draft, body.RootElement, CheckoutCaller.Customer);
        state.Checkouts.Add(draft);
        CheckoutEvents.Updated(state, draft);
        var view = View(state, draft);
        var shown = CheckoutForm.From(view);
        return PageResults.Html(context, CheckoutPage.Render(state.Organization.Name, view, form with { ProductId = shown.ProductId, Amount = shown.Amount, Seats = shown.Seats }, [], notice));
    }

    private static IResult Pay(HttpContext context, EmulatorState state, Checkout checkout, CheckoutForm form)
    {
        var view = View(state, checkout);
        var card = TestCard.Success;
        if (view.IsPaymentFormRequired)
        {
            card = TestCard.Find(form.Card) ?? throw Problems.Validation(new ValidationIssue(
                "value_error", ["body", "card_number"], form.Card.Length == 0 ? "Enter a card number. " + TestCard.Describe() : $"Unknown test card '{form.Card}'. {TestCard.Describe()}"));
        }

        using var body = JsonDocument.Parse(form.ConfirmBody(view).ToJsonString());
        var (_, customer) = CheckoutConfirmation.Confirm(state, checkout, body.RootElement, card);
        var token = CheckoutSessions.Create(state, customer);
        var paid = View(state, state.Checkouts.Get(checkout.Id));
        return PageResults.SeeOther(context, QueryHelpers.AddQueryString(paid.SuccessUrl, "customer_session_token", token));
    }

    /// <summary>The open checkout with this client secret, or the page refusing it (404, 410 expired; not open: 200 to look at, 403 to act on).</summary>
    private static IResult? Find(HttpContext context, EmulatorState state, string clientSecret, bool posting, out Checkout? checkout)
    {
        CheckoutExpiry.ExpireDue(state);
        checkout = state.Checkouts.FindByClientSecret(clientSecret);
        if (checkout is null)
        {
            return MessagePage.CheckoutNotFound(context, state);
        }

        if (CheckoutExpiry.IsPast(state, checkout))
        {
            return MessagePage.CheckoutExpired(context, state);
        }

        return checkout.Status == CheckoutStatus.Open ? null
            : MessagePage.Show(context, state, posting ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK, "Checkout complete", $"This checkout is no longer open: it is {checkout.Status.Value}.", "Checkout");
    }

    private static Checkout View(EmulatorState state, Checkout checkout) => CheckoutViews.Refresh(state, ModelProjection.As<Checkout>(checkout));
}
