using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary><c>/v1/subscriptions/</c>: list, get, create (free products), update, revoke and export, as Polar's <c>subscription/endpoints.py</c>.</summary>
internal static partial class SubscriptionsApi
{
    private static readonly string[] Statuses = ["incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled", "unpaid", "paused"];

    private static readonly string[] Reasons = ["customer_service", "low_quality", "missing_features", "switched_service", "too_complex", "too_expensive", "unused", "other"];

    // Polar sorts "customer" by email, "product" and "discount" by name; NULLs as PostgreSQL puts them.
    private static readonly SortKeys<Subscription> Sort = new SortKeys<Subscription>(s => s.Id)
        .Add("customer", s => s.Customer?.Email)
        .Add("status", s => s.Status.Value)
        .Add("started_at", s => s.StartedAt)
        .Add("current_period_end", s => s.CurrentPeriodEnd)
        .Add("ended_at", s => s.EndedAt)
        .Add("ends_at", s => s.EndsAt)
        .Add("amount", s => s.Amount)
        .Add("product", s => s.Product?.Name)
        .Add("discount", s => s.Discount?.Name);

    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/subscriptions/", List).WithPolarOperation("subscriptions:list");
        v1.MapPost("/subscriptions/", Create).WithPolarOperation("subscriptions:create");
        v1.MapGet("/subscriptions/export", Export).WithPolarOperation("subscriptions:export");
        v1.MapGet("/subscriptions/{id}", Get).WithPolarOperation("subscriptions:get");
        v1.MapPatch("/subscriptions/{id}", Update).WithPolarOperation("subscriptions:update");
        v1.MapDelete("/subscriptions/{id}", Revoke).WithPolarOperation("subscriptions:revoke");
        return v1;
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        lock (state.Gate)
        {
            var q = ListQuery.From(context);
            var matching = Filter(state, q).Select(s => SubscriptionViews.Refresh(state, s)).ToList();
            return q.Answer(matching, Sort, "-started_at");
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(SubscriptionViews.Refresh(state, state.Subscriptions.Get(id)));
        }
    }

    /// <summary>The filters of <c>subscriptions:list</c> (the export takes a subset of the same names).</summary>
    internal static IEnumerable<Subscription> Filter(EmulatorState state, ListQuery q)
    {
        var organizations = q.Strings("organization_id");
        var products = q.Strings("product_id");
        var customers = q.Strings("customer_id");
        var external = q.Strings("external_customer_id");
        var discounts = q.Strings("discount_id");
        var active = q.Bool("active");
        var statuses = Enumerated(q, "status", Statuses);
        var cancelAtPeriodEnd = q.Bool("cancel_at_period_end");
        var reasons = Enumerated(q, "customer_cancellation_reason", Reasons);
        var canceledAfter = q.Date("canceled_at_after");
        var canceledBefore = q.Date("canceled_at_before");
        var startedAfter = q.Date("started_after");
        var startedBefore = q.Date("started_before");
        var externalIds = external.Count == 0 ? null
            : state.Customers.All.Where(c => c.ExternalId is not null && external.Contains(c.ExternalId)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return state.Subscriptions.All.Where(s =>
            s.StartedAt is not null
            && (organizations.Count == 0 || organizations.Contains(state.Organization.Id, StringComparer.OrdinalIgnoreCase))
            && (products.Count == 0 || products.Contains(s.ProductId, StringComparer.OrdinalIgnoreCase))
            && (customers.Count == 0 || customers.Contains(s.CustomerId, StringComparer.OrdinalIgnoreCase))
            && (externalIds is null || externalIds.Contains(s.CustomerId))
            && (discounts.Count == 0 || (s.DiscountId is not null && discounts.Contains(s.DiscountId, StringComparer.OrdinalIgnoreCase)))
            && (active is null || (active.Value ? SubscriptionStates.IsActive(s.Status) : SubscriptionStates.IsRevoked(s.Status)))
            && (statuses.Count == 0 || statuses.Contains(s.Status.Value))
            && (cancelAtPeriodEnd is null || s.CancelAtPeriodEnd == cancelAtPeriodEnd)
            && (reasons.Count == 0 || (s.CustomerCancellationReason is { } reason && reasons.Contains(reason.Value)))
            && (canceledAfter is null || s.CanceledAt >= canceledAfter)
            && (canceledBefore is null || s.CanceledAt <= canceledBefore)
            && (startedAfter is null || s.StartedAt >= startedAfter)
            && (startedBefore is null || s.StartedAt <= startedBefore)
            && q.MatchesMetadata(s.Metadata));
    }

    // Enum query parameters are checked as pydantic does: 422 "enum" naming the value's position.
    private static IReadOnlyList<string> Enumerated(ListQuery q, string name, string[] allowed)
    {
        var values = q.Strings(name);
        for (var i = 0; i < values.Count; i++)
        {
            if (!allowed.Contains(values[i]))
            {
                var expected = string.Join(", ", allowed.Select(a => $"'{a}'"));
                throw Problems.Validation(new ValidationIssue("enum", ["query", name, i], $"Input should be {expected}", System.Text.Json.Nodes.JsonValue.Create(values[i])));
            }
        }

        return values;
    }
}
