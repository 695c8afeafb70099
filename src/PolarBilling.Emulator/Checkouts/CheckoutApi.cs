using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>The merchant's checkout routes: <c>/v1/checkouts/</c> create, list, get and update.</summary>
internal static class CheckoutApi
{
    private static readonly SortKeys<Checkout> Sort = new SortKeys<Checkout>(c => c.Id)
        .Add("created_at", c => c.CreatedAt)
        .Add("expires_at", c => c.ExpiresAt)
        .Add("status", c => c.Status.Value);

    public static IEndpointRouteBuilder MapCheckoutApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/checkouts/", List).WithPolarOperation("checkouts:list");
        v1.MapPost("/checkouts/", Create).WithPolarOperation("checkouts:create");
        v1.MapGet("/checkouts/{id}", Get).WithPolarOperation("checkouts:get");
        v1.MapPatch("/checkouts/{id}", Update).WithPolarOperation("checkouts:update");
        v1.MapCheckoutClientApi();
        return v1;
    }

    private static IResult Create(HttpContext context, EmulatorState state)
    {
        var body = context.Body<CheckoutProductsCreate>();
        lock (state.Gate)
        {
            CheckoutExpiry.ExpireDue(state);
            return ApiResults.Created(CheckoutViews.Refresh(state, CheckoutCreation.Create(state, body, context.Body())));
        }
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        var q = ListQuery.From(context);
        var products = q.Strings("product_id");
        var customers = q.Strings("customer_id");
        var externalIds = q.Strings("external_customer_id");
        var statuses = q.Strings("status");
        var query = q.String("query");
        lock (state.Gate)
        {
            CheckoutExpiry.ExpireDue(state);
            var matching = state.Checkouts.All.Where(c =>
                (products.Count == 0 || products.Contains(c.ProductId ?? string.Empty))
                && (customers.Count == 0 || customers.Contains(c.CustomerId ?? string.Empty))
                && (externalIds.Count == 0 || externalIds.Contains(ExternalIdOf(state, c) ?? string.Empty))
                && (statuses.Count == 0 || statuses.Contains(c.Status.Value))
                && (query is null || (c.CustomerEmail?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false)));
            return q.Answer(matching.Select(c => CheckoutViews.Refresh(state, c)), Sort, "-created_at");
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        lock (state.Gate)
        {
            CheckoutExpiry.ExpireDue(state);
            return ApiResults.Json(CheckoutViews.Refresh(state, state.Checkouts.Get(id)));
        }
    }

    private static IResult Update(HttpContext context, EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        var body = context.Body();
        lock (state.Gate)
        {
            CheckoutExpiry.ExpireDue(state);
            // Work on a copy: a rejected change leaves the checkout as it was, as Polar's rolled-back transaction does.
            var draft = ModelProjection.As<Checkout>(state.Checkouts.Get(id));
            CheckoutUpdates.Apply(state, draft, body, CheckoutCaller.Merchant);
            state.Checkouts.Add(draft);
            CheckoutFields.ApplySuccessUrl(state.Checkouts, draft, body);
            CheckoutEvents.Updated(state, draft);
            return ApiResults.Json(CheckoutViews.Refresh(state, draft));
        }
    }

    // The checkout's own external id, else its customer's (Polar joins the customer for this filter).
    private static string? ExternalIdOf(EmulatorState state, Checkout checkout) =>
        checkout.ExternalCustomerId ?? state.Customers.Find(checkout.CustomerId)?.ExternalId;
}
