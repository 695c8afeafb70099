using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Refunds;

/// <summary>The refunds routes: <c>/v1/refunds/</c> create and list.</summary>
internal static class RefundApi
{
    private static readonly SortKeys<Refund> Sort = new SortKeys<Refund>(r => r.Id)
        .Add("created_at", r => r.CreatedAt)
        .Add("amount", r => r.Amount);

    public static IEndpointRouteBuilder MapRefundApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/refunds/", List).WithPolarOperation("refunds:list");
        v1.MapPost("/refunds/", Create).WithPolarOperation("refunds:create");
        return v1;
    }

    private static IResult Create(HttpContext context, EmulatorState state)
    {
        var body = context.Body<RefundCreate>();
        lock (state.Gate)
        {
            var order = state.Orders.Find(body.OrderId) ?? throw RefundEngine.OrderNotFound(body.OrderId);
            return ApiResults.Created(RefundEngine.Create(state, order, body));
        }
    }

    /// <summary>Polar filters <c>succeeded</c> only when it is true (<c>if succeeded:</c>); false lists every refund.</summary>
    private static IResult List(HttpContext context, EmulatorState state)
    {
        var q = ListQuery.From(context);
        var ids = q.Strings("id");
        var orders = q.Strings("order_id");
        var subscriptions = q.Strings("subscription_id");
        var customers = q.Strings("customer_id");
        var externalIds = q.Strings("external_customer_id");
        var succeeded = q.Bool("succeeded");
        lock (state.Gate)
        {
            var matching = state.Refunds.All.Where(r =>
                Matches(ids, r.Id) && Matches(orders, r.OrderId) && Matches(subscriptions, r.SubscriptionId) && Matches(customers, r.CustomerId)
                && Matches(externalIds, state.Customers.Find(r.CustomerId)?.ExternalId)
                && (succeeded != true || r.Status == RefundStatus.Succeeded));
            return q.Answer(matching, Sort, "-created_at");
        }
    }

    private static bool Matches(IReadOnlyList<string> wanted, string? value) => wanted.Count == 0 || (value is not null && wanted.Contains(value));
}
