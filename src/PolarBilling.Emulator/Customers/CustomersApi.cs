using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Customers;

/// <summary>
/// Polar's customers API (<c>/v1/customers/</c>): list, create, get, update, delete and state, by id and by external
/// id. Deleted customers are not found. <c>customers:export</c> and the payment-method lists stay unrouted (501): the
/// emulator keeps no saved payment methods and Polar's export format is not published.
/// </summary>
internal static class CustomersApi
{
    private static readonly SortKeys<Customer> Sort = new SortKeys<Customer>(c => c.Id)
        .Add("created_at", c => c.CreatedAt)
        .Add("email", c => CustomerEngine.EmailOf(c))
        .Add("name", c => c.Name);

    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/customers/", List).WithPolarOperation("customers:list");
        v1.MapPost("/customers/", Create).WithPolarOperation("customers:create");
        v1.MapGet("/customers/{id}", Get).WithPolarOperation("customers:get");
        v1.MapPatch("/customers/{id}", Update).WithPolarOperation("customers:update");
        v1.MapDelete("/customers/{id}", Delete).WithPolarOperation("customers:delete");
        v1.MapGet("/customers/{id}/state", GetState).WithPolarOperation("customers:get_state");
        v1.MapGet("/customers/external/{externalId}", GetExternal).WithPolarOperation("customers:get_external");
        v1.MapPatch("/customers/external/{externalId}", UpdateExternal).WithPolarOperation("customers:update_external");
        v1.MapDelete("/customers/external/{externalId}", DeleteExternal).WithPolarOperation("customers:delete_external");
        v1.MapGet("/customers/external/{externalId}/state", GetStateExternal).WithPolarOperation("customers:get_state_external");
        v1.MapMembersApi();
        return v1;
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        var q = ListQuery.From(context);
        var email = q.String("email");
        var query = q.String("query");
        var active = q.Bool("active");
        lock (state.Gate)
        {
            var matching = state.Customers.All.Where(c => c.DeletedAt is null
                && (email is null || string.Equals(CustomerEngine.EmailOf(c), email, StringComparison.OrdinalIgnoreCase))
                && (query is null || Contains(CustomerEngine.EmailOf(c), query) || Contains(c.Name, query) || Contains(c.BillingName, query)
                    || (c.ExternalId?.StartsWith(query, StringComparison.OrdinalIgnoreCase) ?? false))
                && (active is null || IsActive(state, c) == active)
                && q.MatchesMetadata(c.Metadata));
            return q.Answer(matching, Sort, "-created_at");
        }
    }

    private static IResult Create(HttpContext context, EmulatorState state)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            return ApiResults.Created(CustomerCreation.Create(state, body));
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(CustomerEngine.Get(state, id));
        }
    }

    private static IResult GetExternal(EmulatorState state, string externalId)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(ByExternalId(state, externalId));
        }
    }

    private static IResult Update(HttpContext context, EmulatorState state, string id)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            return ApiResults.Json(CustomerChanges.Update(state, CustomerEngine.Get(state, id), body, full: true));
        }
    }

    private static IResult UpdateExternal(HttpContext context, EmulatorState state, string externalId)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            return ApiResults.Json(CustomerChanges.Update(state, ByExternalId(state, externalId), body, full: false));
        }
    }

    private static IResult Delete(HttpContext context, EmulatorState state, string id)
    {
        var anonymize = ListQuery.From(context).Bool("anonymize") ?? false;
        lock (state.Gate)
        {
            CustomerDeletion.Delete(state, CustomerEngine.Get(state, id), anonymize);
            return ApiResults.NoContent();
        }
    }

    private static IResult DeleteExternal(HttpContext context, EmulatorState state, string externalId)
    {
        var anonymize = ListQuery.From(context).Bool("anonymize") ?? false;
        lock (state.Gate)
        {
            CustomerDeletion.Delete(state, ByExternalId(state, externalId), anonymize);
            return ApiResults.NoContent();
        }
    }

    private static IResult GetState(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(CustomerStates.Build(state, CustomerEngine.Get(state, id)));
        }
    }

    private static IResult GetStateExternal(EmulatorState state, string externalId)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(CustomerStates.Build(state, ByExternalId(state, externalId)));
        }
    }

    /// <exception cref="EmulatorProblem">404 <c>ResourceNotFound</c>.</exception>
    public static Customer ByExternalId(EmulatorState state, string externalId) =>
        CustomerEngine.FindByExternalId(state, externalId) ?? throw Problems.NotFound();

    private static bool Contains(string? value, string query) => value?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false;

    // Polar's "active" customers: at least one trialing, active or past_due subscription.
    private static bool IsActive(EmulatorState state, Customer customer) => state.Subscriptions.All.Any(s => s.CustomerId == customer.Id
        && (s.Status == SubscriptionStatus.Active || s.Status == SubscriptionStatus.Trialing || s.Status == SubscriptionStatus.PastDue));
}
