using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Customers;

/// <summary>Polar's member routes (server <c>member/endpoints.py</c>): under a customer by id or external id, and the member list.</summary>
internal static class MembersApi
{
    private static readonly SortKeys<Member> Sort = new SortKeys<Member>(m => m.Id).Add("created_at", m => m.CreatedAt);

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/members/", List).WithPolarOperation("members:list_members");
        v1.MapPost("/customers/{id}/members", Create).WithPolarOperation("customers:members:create");
        v1.MapPost("/customers/external/{externalId}/members", CreateExternal).WithPolarOperation("customers:members:create_external");
        v1.MapGet("/customers/{id}/members/{memberId}", Get).WithPolarOperation("customers:members:get");
        v1.MapPatch("/customers/{id}/members/{memberId}", Update).WithPolarOperation("customers:members:update");
        v1.MapDelete("/customers/{id}/members/{memberId}", Delete).WithPolarOperation("customers:members:delete");
        v1.MapGet("/customers/external/{externalId}/members/{memberExternalId}", GetExternal).WithPolarOperation("customers:members:get_external");
        v1.MapPatch("/customers/external/{externalId}/members/{memberExternalId}", UpdateExternal).WithPolarOperation("customers:members:update_external");
        v1.MapDelete("/customers/external/{externalId}/members/{memberExternalId}", DeleteExternal).WithPolarOperation("customers:members:delete_external");
        return v1;
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        var q = ListQuery.From(context);
        var customerId = q.String("customer_id");
        if (customerId is not null && !Guid.TryParse(customerId, out _))
        {
            throw Problems.NotFound("Invalid customer ID format");
        }

        var externalCustomerId = q.String("external_customer_id");
        var role = q.String("role");
        lock (state.Gate)
        {
            var matching = state.Members.All.Where(m => (customerId is null || m.CustomerId == customerId)
                && (role is null || m.Role.Value == role)
                && (externalCustomerId is null || CustomerEngine.Find(state, m.CustomerId)?.ExternalId == externalCustomerId));
            return q.Answer(matching, Sort, "-created_at");
        }
    }

    private static IResult Create(HttpContext context, EmulatorState state, string id)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            return ApiResults.Created(Add(state, CustomerEngine.Find(state, id), body));
        }
    }

    private static IResult CreateExternal(HttpContext context, EmulatorState state, string externalId)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            return ApiResults.Created(Add(state, CustomerEngine.FindByExternalId(state, externalId), body));
        }
    }

    private static IResult Get(EmulatorState state, string id, string memberId)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(ById(state, id, memberId));
        }
    }

    private static IResult GetExternal(EmulatorState state, string externalId, string memberExternalId)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(ByExternalId(state, externalId, memberExternalId));
        }
    }

    private static IResult Update(HttpContext context, EmulatorState state, string id, string memberId)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            return ApiResults.Json(Change(state, ById(state, id, memberId), body));
        }
    }

    private static IResult UpdateExternal(HttpContext context, EmulatorState state, string externalId, string memberExternalId)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            return ApiResults.Json(Change(state, ByExternalId(state, externalId, memberExternalId), body));
        }
    }

    private static IResult Delete(EmulatorState state, string id, string memberId)
    {
        lock (state.Gate)
        {
            MemberRules.Delete(state, ById(state, id, memberId));
            return ApiResults.NoContent();
        }
    }

    private static IResult DeleteExternal(EmulatorState state, string externalId, string memberExternalId)
    {
        lock (state.Gate)
        {
            MemberRules.Delete(state, ByExternalId(state, externalId, memberExternalId));
            return ApiResults.NoContent();
        }
    }

    private static Member Add(EmulatorState state, Customer? customer, JsonElement body)
    {
        if (customer is null)
        {
            throw Problems.NotFound("Customer not found");
        }

        var email = CustomerFields.Email(CustomerCreation.Text(body, "email") ?? string.Empty, "email");
        var role = CustomerCreation.Text(body, "role") is { } r ? MemberRole.From(r) : MemberRole.Member;
        return MemberRules.Create(state, customer, email, CustomerCreation.Text(body, "name"), CustomerCreation.Text(body, "external_id"), role);
    }

    private static Member Change(EmulatorState state, Member member, JsonElement body)
    {
        var email = CustomerCreation.Text(body, "email") is { } e ? CustomerFields.Email(e, "email") : null;
        var role = CustomerCreation.Text(body, "role") is { } r ? MemberRole.From(r) : (MemberRole?)null;
        return MemberRules.Update(state, member, CustomerCreation.Text(body, "name"), email, role);
    }

    private static Member ById(EmulatorState state, string customerId, string memberId) =>
        state.Members.Find(memberId) is { } member && member.CustomerId == customerId && CustomerEngine.Find(state, customerId) is not null
            ? member : throw Problems.NotFound("Member not found");

    private static Member ByExternalId(EmulatorState state, string externalCustomerId, string memberExternalId) =>
        CustomerEngine.FindByExternalId(state, externalCustomerId) is { } customer
        && state.Members.OfCustomer(customer.Id).FirstOrDefault(m => m.ExternalId == memberExternalId) is { } member
            ? member : throw Problems.NotFound("Member not found");
}
