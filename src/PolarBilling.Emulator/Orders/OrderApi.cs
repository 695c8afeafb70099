using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Orders;

/// <summary>The orders routes: <c>/v1/orders/</c> list, get, update, invoice, receipt, draft create and finalize.</summary>
internal static class OrderApi
{
    private static readonly SortKeys<Order> Sort = new SortKeys<Order>(o => o.Id)
        .Add("created_at", o => o.CreatedAt)
        .Add("status", o => o.Status.Value)
        .Add("invoice_number", o => o.InvoiceNumber)
        .Add("amount", o => o.TotalAmount)
        .Add("net_amount", o => o.NetAmount)
        .Add("customer", o => o.Customer?.Email)
        .Add("product", o => o.Product?.Name)
        .Add("discount", o => o.Discount?.Name)
        .Add("subscription", o => o.SubscriptionId);

    public static IEndpointRouteBuilder MapOrderApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/orders/", List).WithPolarOperation("orders:list");
        v1.MapPost("/orders/", OrderDrafts.Create).WithPolarOperation("orders:create");
        v1.MapGet("/orders/{id}", Get).WithPolarOperation("orders:get");
        v1.MapPatch("/orders/{id}", Update).WithPolarOperation("orders:update");
        v1.MapPost("/orders/{id}/finalize", OrderDrafts.Finalize).WithPolarOperation("orders:finalize");
        v1.MapPost("/orders/{id}/invoice", OrderInvoices.Generate).WithPolarOperation("orders:generate_invoice");
        v1.MapGet("/orders/{id}/invoice", OrderInvoices.Get).WithPolarOperation("orders:invoice");
        v1.MapGet("/orders/{id}/receipt", OrderInvoices.Receipt).WithPolarOperation("orders:receipt");
        return v1;
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        var q = ListQuery.From(context);
        var products = q.Strings("product_id");
        var billingTypes = q.Strings("product_billing_type");
        var discounts = q.Strings("discount_id");
        var customers = q.Strings("customer_id");
        var externalIds = q.Strings("external_customer_id");
        var checkouts = q.Strings("checkout_id");
        var subscriptions = q.Strings("subscription_id");
        var statuses = q.Strings("status");
        var after = q.Date("created_after");
        var before = q.Date("created_before");
        lock (state.Gate)
        {
            var matching = state.Orders.All.Select(o => OrderEngine.Refresh(state, o)).Where(o =>
                Matches(products, o.ProductId) && Matches(discounts, o.DiscountId) && Matches(customers, o.CustomerId)
                && Matches(externalIds, o.Customer.ExternalId) && Matches(checkouts, o.CheckoutId)
                && Matches(subscriptions, o.SubscriptionId) && Matches(statuses, o.Status.Value)
                && Matches(billingTypes, o.Product is null ? null : o.Product.IsRecurring ? "recurring" : "one_time")
                && (after is null || o.CreatedAt > after) && (before is null || o.CreatedAt < before)
                && q.MatchesMetadata(o.Metadata));
            return q.Answer(matching, Sort, "-created_at");
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        lock (state.Gate)
        {
            return ApiResults.Json(OrderEngine.Refresh(state, state.Orders.Get(id)));
        }
    }

    /// <summary>Billing name and address for the invoice; frozen once the invoice exists. Emits <c>order.updated</c>.</summary>
    private static IResult Update(HttpContext context, EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        var body = context.Body<OrderUpdate>();
        var raw = context.Body();
        lock (state.Gate)
        {
            var order = state.Orders.Get(id);
            if (order.IsInvoiceGenerated && (raw.TryGetProperty("billing_name", out _) || raw.TryGetProperty("billing_address", out _)))
            {
                throw Problems.InvalidField("billing_name", "Billing details can't be updated after the invoice is generated.");
            }

            if (raw.TryGetProperty("billing_name", out _))
            {
                order.BillingName = body.BillingName;
            }

            if (raw.TryGetProperty("billing_address", out _))
            {
                order.BillingAddress = body.BillingAddress is null ? null : ModelProjection.As<Address>(body.BillingAddress);
            }

            order.ModifiedAt = state.Now;
            OrderEngine.Emit(state, order, OrderEvent.Updated);
            return ApiResults.Json(OrderEngine.Refresh(state, order));
        }
    }

    private static bool Matches(IReadOnlyList<string> wanted, string? value) => wanted.Count == 0 || (value is not null && wanted.Contains(value));
}
