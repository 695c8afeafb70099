using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.CustomerSessions;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.CustomerSeats;

/// <content>Revoking a seat, resending its invitation, and the invitee's side: the claim information and the claim itself.</content>
internal static partial class CustomerSeatsApi
{
    private static IResult Revoke(EmulatorState state, string seat_id)
    {
        lock (state.Gate)
        {
            var seat = state.CustomerSeats.Find(seat_id) ?? throw Problems.NotFound("Seat not found");
            return ApiResults.Json(SeatEngine.Revoke(state, seat));
        }
    }

    // Polar sends the invitation e-mail again; the emulator sends no e-mail, so only the checks are real.
    private static IResult Resend(EmulatorState state, string seat_id)
    {
        lock (state.Gate)
        {
            var seat = state.CustomerSeats.Find(seat_id) ?? throw Problems.NotFound("Seat not found");
            if (seat.Status != SeatStatus.Pending)
            {
                throw Problems.Error(400, "SeatNotPending", "Seat is not in pending status");
            }

            if (seat.CustomerId is null || !state.CustomerSeats.InvitationTokens.ContainsKey(seat.Id))
            {
                throw Problems.Error(400, "InvalidInvitationToken", "Invalid or expired invitation token");
            }

            return ApiResults.Json(SeatEngine.View(state, seat));
        }
    }

    private static IResult ClaimInfo(EmulatorState state, string invitation_token)
    {
        lock (state.Gate)
        {
            var seat = SeatEngine.FindClaimable(state, invitation_token) ?? throw Problems.NotFound("Invalid or expired invitation token");
            var productId = seat.SubscriptionId is { } subscriptionId ? state.Subscriptions.Find(subscriptionId)?.ProductId : state.Orders.Find(seat.OrderId)?.ProductId;
            var product = state.Products.Find(productId) ?? throw Problems.NotFound("Seat has no subscription or order");
            var holder = state.Customers.Find(seat.CustomerId);
            var info = new JsonObject
            {
                ["product_name"] = product.Name,
                ["product_id"] = product.Id,
                ["organization_name"] = state.Organization.Name,
                ["organization_slug"] = state.Organization.Slug,
                ["customer_email"] = holder is null ? string.Empty : Customers.CustomerEngine.EmailOf(holder) ?? string.Empty,
                ["can_claim"] = seat.Status == SeatStatus.Pending,
            };
            return ApiResults.Raw(System.Text.Encoding.UTF8.GetBytes(info.ToJsonString()));
        }
    }

    private static IResult Claim(HttpContext context, EmulatorState state)
    {
        var token = context.Body().GetProperty("invitation_token").GetString() ?? string.Empty;
        lock (state.Gate)
        {
            var seat = SeatEngine.FindClaimable(state, token);
            var holder = state.Customers.Find(seat?.CustomerId);
            if (seat is null || holder is null)
            {
                throw Problems.Error(400, "InvalidInvitationToken", "Invalid or expired invitation token");
            }

            // Polar opens the holder's customer session before announcing the claim; the grants run after.
            var session = CustomerSessionsApi.Start(state, holder, returnUrl: null);
            SeatEngine.Claim(state, seat);
            var answer = new JsonObject
            {
                ["seat"] = JsonNode.Parse(PolarJson.SerializeToUtf8Bytes(SeatEngine.View(state, seat))),
                ["customer_session_token"] = session.Token,
            };
            return ApiResults.Raw(System.Text.Encoding.UTF8.GetBytes(answer.ToJsonString()));
        }
    }
}
