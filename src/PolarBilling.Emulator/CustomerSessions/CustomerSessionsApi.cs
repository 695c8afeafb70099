using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.CustomerSessions;

/// <summary>
/// <c>POST /v1/customer-sessions/</c> as Polar's <c>customer_session/service.py</c>: the customer by
/// <c>customer_id</c> or <c>external_customer_id</c> (422 "Customer does not exist." at that field otherwise, deleted
/// customers included), a <c>polar_cst_</c> token valid one hour, and the portal link of the organization's front end.
/// Approximation: Polar answers a member session instead when the organization enables its member model; the
/// emulator always answers a customer session.
/// </summary>
internal static class CustomerSessionsApi
{
    /// <summary>Polar's <c>CUSTOMER_SESSION_TTL</c>.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapCustomerSessionsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapPost("/customer-sessions/", Create).WithPolarOperation("customer-sessions:create");
        return v1;
    }

    private static IResult Create(HttpContext context, EmulatorState state)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            var customer = Resolve(state, body);
            var returnUrl = CustomerCreation.Text(body, "return_url");
            return ApiResults.Created(Start(state, customer, returnUrl));
        }
    }

    /// <summary>Opens a customer session for <paramref name="customer"/>: what the portal's links and token come from.</summary>
    public static CustomerSession Start(EmulatorState state, Customer customer, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(state);
        var token = PolarTokens.Generate(PolarTokens.CustomerSession);
        var email = CustomerEngine.EmailOf(customer);
        var portal = new Uri(state.BaseUrl, $"{state.Organization.Slug}/portal?customer_session_token={token}&email={Uri.EscapeDataString(email ?? string.Empty)}");
        return state.CustomerSessions.Add(new CustomerSession
        {
            Id = PolarTokens.NewId(),
            CreatedAt = state.Now,
            Token = token,
            ExpiresAt = state.Now + Lifetime,
            ReturnUrl = returnUrl,
            CustomerPortalUrl = portal.AbsoluteUri,
            CustomerId = customer.Id,
            Customer = customer,
        });
    }

    private static Customer Resolve(EmulatorState state, JsonElement body)
    {
        if (CustomerCreation.Text(body, "customer_id") is { } id)
        {
            return CustomerEngine.Find(state, id)
                ?? throw Problems.Validation(ValidationIssue.BodyValue("customer_id", "Customer does not exist.", id));
        }

        var externalId = CustomerCreation.Text(body, "external_customer_id") ?? string.Empty;
        return CustomerEngine.FindByExternalId(state, externalId)
            ?? throw Problems.Validation(ValidationIssue.BodyValue("external_customer_id", "Customer does not exist.", externalId));
    }
}
