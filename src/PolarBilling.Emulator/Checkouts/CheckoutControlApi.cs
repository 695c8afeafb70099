using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Control;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.Orders;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// <c>POST /emulator/checkouts/{id}/complete</c> <c>{"card": "4242424242424242"}</c>: pays a checkout exactly as the
/// customer would on Polar's hosted page (confirm, then the payment's success), with optional
/// <c>customer_email</c>, <c>customer_name</c> and <c>customer_billing_address</c> typed on the page. Answers 200
/// with the succeeded checkout; a failing test card answers 402 <c>PaymentFailed</c> and leaves the checkout open as
/// Polar does; other refusals are Polar's (410 expired, 403 not open, 422 missing fields). Also replaces a customer's
/// saved card (a test card, or an outcome: fail or succeed) and serves the order documents the orders API links to.
/// </summary>
internal static class CheckoutControlApi
{
    public static IEndpointRouteBuilder MapCheckoutControlApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/emulator/checkouts/{id}/complete", CompleteAsync);
        app.MapPut("/emulator/customers/{id}/card", SetCardAsync);
        app.MapOrderDocuments();
        return app;
    }

    private static async Task<IResult> CompleteAsync(HttpContext context, EmulatorState state, string id)
    {
        var body = await ControlBody.ReadAsync(context);
        var number = body.OptionalString("card") ?? TestCard.DefaultNumber;
        var card = TestCard.Find(number) ?? throw ControlBody.Invalid($"Unknown card '{number}'. {TestCard.Describe()}");
        lock (state.Gate)
        {
            CheckoutExpiry.ExpireDue(state);
            var checkout = state.Checkouts.Get(id);
            if (CheckoutExpiry.IsPast(state, checkout))
            {
                throw CheckoutProblems.Expired();
            }

            try
            {
                var page = PageInput(state, checkout, body);
                using var document = JsonDocument.Parse(page.ToJsonString());
                CheckoutConfirmation.Confirm(state, checkout, document.RootElement, card);
            }
            catch (EmulatorProblem problem) when (problem.Body?["error"]?.GetValue<string>() == "PaymentError")
            {
                return ControlBody.Json(
                    new JsonObject { ["error"] = "PaymentFailed", ["detail"] = card.FailureDetail, ["decline_code"] = card.DeclineCode, ["checkout_status"] = "open" },
                    StatusCodes.Status402PaymentRequired);
            }

            return ApiResults.Json(CheckoutViews.Refresh(state, state.Checkouts.Get(id)));
        }
    }

    /// <summary>
    /// <c>PUT /emulator/customers/{id}/card</c> with <c>{"card": "4000000000009995"}</c> or <c>{"outcome": "fail"}</c>
    /// (a saved card whose charges fail, 4000000000000341) / <c>{"outcome": "succeed"}</c> (4242424242424242) → 200
    /// <c>{"customer_id", "card", "recovered_orders"}</c>: replaces the customer's saved card as the portal does, so a
    /// card that pays at once pays the orders waiting in dunning (a past-due subscription recovers).
    /// </summary>
    private static async Task<IResult> SetCardAsync(HttpContext context, EmulatorState state, string id)
    {
        var body = await ControlBody.ReadAsync(context);
        var card = CardOf(body);
        lock (state.Gate)
        {
            var customer = Customers.CustomerEngine.Get(state, id);
            var recovered = CardReplacement.Replace(state, customer.Id, card);
            return ControlBody.Json(new JsonObject { ["customer_id"] = customer.Id, ["card"] = card.Number, ["recovered_orders"] = recovered });
        }
    }

    // Exactly one of "card" (a test card number) and "outcome" ("fail" or "succeed").
    private static TestCard CardOf(JsonObject body)
    {
        var number = body.OptionalString("card");
        var outcome = body.OptionalString("outcome");
        if ((number is null) == (outcome is null))
        {
            throw ControlBody.Invalid("Give exactly one of 'card' (a test card number) and 'outcome' (\"fail\" or \"succeed\").");
        }

        return outcome switch
        {
            null => TestCard.Find(number) ?? throw ControlBody.Invalid($"Unknown card '{number}'. {TestCard.Describe()}"),
            "fail" => TestCard.DeclinedAfterAttaching,
            "succeed" => TestCard.Success,
            _ => throw ControlBody.Invalid($"Unknown outcome '{outcome}': use \"fail\" (charges are declined) or \"succeed\" (charges pay)."),
        };
    }

    // What the hosted page would submit: the fields the control call gives, else what the checkout holds, else
    // defaults a tester would type (a name from the email, a full US address) when Polar's form requires them.
    internal static JsonObject PageInput(EmulatorState state, Checkout checkout, JsonObject body)
    {
        var view = CheckoutViews.Refresh(state, ModelProjection.As<Checkout>(checkout));
        var input = new JsonObject();
        var email = body.OptionalString("customer_email") ?? view.CustomerEmail;
        if (email is not null && view.CustomerId is null)
        {
            input["customer_email"] = email;
        }

        var name = body.OptionalString("customer_name") ?? view.CustomerName ?? email?.Split('@')[0];
        if (name is not null)
        {
            input["customer_name"] = name;
        }

        if (body["customer_billing_address"] is JsonObject address)
        {
            input["customer_billing_address"] = address.DeepClone();
        }
        else if (view.CustomerBillingAddress is null && view.IsPaymentFormRequired)
        {
            input["customer_billing_address"] = new JsonObject
            {
                ["line1"] = "1 Emulator Way", ["city"] = "San Francisco", ["state"] = "US-CA", ["postal_code"] = "94107", ["country"] = "US",
            };
        }

        return input;
    }
}
