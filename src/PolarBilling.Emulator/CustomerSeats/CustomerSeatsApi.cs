using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.CustomerSeats;

/// <summary>
/// <c>/v1/customer-seats</c>: seats of seat-based subscriptions and orders, as Polar's <c>customer_seat/endpoints.py</c>
/// for organizations without the member model (the holder is a customer; <c>member_id</c>/<c>external_member_id</c>
/// are not identifiers there). Errors carry Polar's exception names (<c>SeatNotAvailable</c>, <c>SeatAlreadyAssigned</c>, ...).
/// </summary>
internal static partial class CustomerSeatsApi
{
    public static IEndpointRouteBuilder MapCustomerSeatsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapPost("/customer-seats", Assign).WithPolarOperation("customer-seats:assign_seat");
        v1.MapGet("/customer-seats", List).WithPolarOperation("customer-seats:list_seats");
        v1.MapDelete("/customer-seats/{seat_id}", Revoke).WithPolarOperation("customer-seats:revoke_seat");
        v1.MapPost("/customer-seats/{seat_id}/resend", Resend).WithPolarOperation("customer-seats:resend_invitation");
        v1.MapGet("/customer-seats/claim/{invitation_token}", ClaimInfo).WithPolarOperation("customer-seats:get_claim_info");
        v1.MapPost("/customer-seats/claim", Claim).WithPolarOperation("customer-seats:claim_seat");
        return v1;
    }

    private static IResult Assign(HttpContext context, EmulatorState state)
    {
        var body = context.Body();
        lock (state.Gate)
        {
            var container = Container(state, Text(body, "subscription_id"), Text(body, "order_id"));
            if (state.Products.Find(container.ProductId) is null)
            {
                throw Problems.Error(400, "SeatNotAvailable", "Container has no associated product");
            }

            if (container.OrderId is { } orderId && state.Orders.Get(orderId).Status == OrderStatus.Pending)
            {
                throw Problems.Error(400, "SeatNotAvailable", "Order must be paid before assigning seats");
            }

            if (container.Seats - SeatEngine.AssignedCount(state, container.Id) <= 0)
            {
                throw Problems.Error(400, "SeatNotAvailable", $"No available seats for {container.Id}");
            }

            var email = Text(body, "email");
            var externalId = Text(body, "external_customer_id");
            var customerId = Text(body, "customer_id");
            var holder = Holder(state, email, externalId, customerId);
            if (state.CustomerSeats.All.Any(s => container.Owns(s) && s.CustomerId == holder.Id && s.Status != SeatStatus.Revoked))
            {
                throw Problems.Error(400, "SeatAlreadyAssigned", $"Seat already assigned to customer {email ?? externalId ?? customerId}");
            }

            var metadata = body.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
                ? m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
                : null;
            var immediate = body.TryGetProperty("immediate_claim", out var claim) && claim.ValueKind == JsonValueKind.True;
            return ApiResults.Json(SeatEngine.Assign(state, container, holder, metadata, immediate));
        }
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        lock (state.Gate)
        {
            var q = ListQuery.From(context);
            var container = Container(state, q.String("subscription_id"), q.String("order_id"));
            var seats = new JsonArray();
            foreach (var seat in state.CustomerSeats.All.Where(container.Owns).OrderBy(s => s.CreatedAt))
            {
                seats.Add(JsonNode.Parse(PolarJson.SerializeToUtf8Bytes(SeatEngine.View(state, seat))));
            }

            var answer = new JsonObject
            {
                ["seats"] = seats,
                ["available_seats"] = Math.Max(0, container.Seats - SeatEngine.AssignedCount(state, container.Id)),
                ["total_seats"] = container.Seats,
            };
            return ApiResults.Raw(System.Text.Encoding.UTF8.GetBytes(answer.ToJsonString()));
        }
    }

    // Polar looks the subscription up first, then the order: 404 with its own detail, 400 when neither is given.
    private static SeatContainer Container(EmulatorState state, string? subscriptionId, string? orderId)
    {
        if (subscriptionId is not null)
        {
            return SeatContainer.Of(state.Subscriptions.Find(subscriptionId) ?? throw Problems.NotFound("Subscription not found"));
        }

        if (orderId is not null)
        {
            return SeatContainer.Of(state.Orders.Find(orderId) ?? throw Problems.NotFound("Order not found"));
        }

        throw Problems.Error(400, "BadRequest", "Either subscription_id or order_id must be provided");
    }

    // Polar's _find__or_create_customer: exactly one identifier; an unknown email creates the customer.
    private static Customer Holder(EmulatorState state, string? email, string? externalId, string? customerId)
    {
        if (new[] { email, externalId, customerId }.Count(v => v is not null) != 1)
        {
            throw Problems.Error(400, "InvalidSeatAssignmentRequest", "Exactly one of email, external_customer_id, or customer_id must be provided");
        }

        if (email is not null)
        {
            return CustomerEngine.FindByEmail(state, email) ?? CustomerEngine.GetOrCreate(state, null, null, email, null);
        }

        var found = externalId is not null ? CustomerEngine.FindByExternalId(state, externalId) : CustomerEngine.Find(state, customerId);
        return found is { DeletedAt: null } ? found : throw Problems.Error(404, "CustomerNotFound", $"Customer not found: {externalId ?? customerId}");
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
