using System.Security.Cryptography;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.CustomerSeats;

/// <summary>
/// Seats of seat-based subscriptions and orders as Polar's <c>customer_seat/service.py</c> keeps them (organizations
/// without the member model: the seat holder is a customer). Shared by the seats API and subscriptions. Call under the
/// state lock.
/// </summary>
internal static class SeatEngine
{
    /// <summary>How long an invitation can be claimed (Polar: one day).</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(1);

    /// <summary>Seats that count against the container's seat total: not revoked (Polar's <c>count_assigned_seats_for_subscription</c>).</summary>
    public static int AssignedCount(EmulatorState state, string containerId) =>
        state.CustomerSeats.All.Count(s => (s.SubscriptionId == containerId || s.OrderId == containerId) && s.Status != SeatStatus.Revoked);

    /// <summary>
    /// Polar's <c>assign_seat</c> once the holder is known: reuses a revoked seat of the container if there is one; a
    /// pending seat gets a one-day invitation token and <c>customer_seat.assigned</c>, an immediate claim gets
    /// <c>customer_seat.claimed</c> and the benefits.
    /// </summary>
    public static CustomerSeat Assign(EmulatorState state, SeatContainer container, Customer holder, Dictionary<string, System.Text.Json.JsonElement>? metadata, bool immediateClaim)
    {
        var now = state.Now;
        var seat = state.CustomerSeats.All.FirstOrDefault(s => container.Owns(s) && s.Status == SeatStatus.Revoked);
        if (seat is null)
        {
            seat = new CustomerSeat
            {
                Id = PolarTokens.NewId(),
                CreatedAt = now,
                SubscriptionId = container.SubscriptionId,
                OrderId = container.OrderId,
            };
            state.CustomerSeats.Add(seat);
        }
        else
        {
            seat.ModifiedAt = now;
        }

        seat.Status = immediateClaim ? SeatStatus.Claimed : SeatStatus.Pending;
        seat.CustomerId = holder.Id;
        seat.SeatMetadata = metadata ?? [];
        seat.RevokedAt = null;
        seat.ClaimedAt = immediateClaim ? now : null;
        seat.InvitationTokenExpiresAt = immediateClaim ? null : now + InvitationLifetime;
        if (immediateClaim)
        {
            state.CustomerSeats.InvitationTokens.Remove(seat.Id);
            state.Webhooks.Emit(new CustomerSeatClaimedWebhookEvent(View(state, seat), now));
            GrantBenefits(state, seat);
        }
        else
        {
            state.CustomerSeats.InvitationTokens[seat.Id] = NewToken();
            state.Webhooks.Emit(new CustomerSeatAssignedWebhookEvent(View(state, seat), now));
        }

        return seat;
    }

    /// <summary>The seat an invitation token opens, if it is still claimable (pending and not expired).</summary>
    public static CustomerSeat? FindClaimable(EmulatorState state, string token)
    {
        var seat = state.CustomerSeats.FindByToken(token);
        return seat is null || seat.Status != SeatStatus.Pending || seat.InvitationTokenExpiresAt < state.Now ? null : seat;
    }

    /// <summary>Polar's <c>claim_seat</c>: claimed, token used up, <c>customer_seat.claimed</c>, then the holder's benefits.</summary>
    public static CustomerSeat Claim(EmulatorState state, CustomerSeat seat)
    {
        seat.Status = SeatStatus.Claimed;
        seat.ClaimedAt = state.Now;
        seat.ModifiedAt = state.Now;
        state.CustomerSeats.InvitationTokens.Remove(seat.Id);
        state.Webhooks.Emit(new CustomerSeatClaimedWebhookEvent(View(state, seat), state.Now));
        GrantBenefits(state, seat);
        return seat;
    }

    /// <summary>Revokes every seat of a subscription that ended (Polar's <c>revoke_all_seats_for_subscription</c>).</summary>
    public static void RevokeAllForSubscription(EmulatorState state, Subscription subscription)
    {
        foreach (var seat in state.CustomerSeats.All.Where(s => s.SubscriptionId == subscription.Id && s.Status != SeatStatus.Revoked).ToList())
        {
            Revoke(state, seat);
        }
    }

    /// <summary>
    /// Polar's <c>revoke_seat</c>: the seat becomes <c>revoked</c> and loses its holder, <c>customer_seat.revoked</c>
    /// is sent, then the former holder's benefits from it are revoked.
    /// </summary>
    public static CustomerSeat Revoke(EmulatorState state, CustomerSeat seat)
    {
        var holder = seat.CustomerId;
        seat.Status = SeatStatus.Revoked;
        seat.RevokedAt = state.Now;
        seat.ModifiedAt = state.Now;
        seat.CustomerId = null;
        state.CustomerSeats.InvitationTokens.Remove(seat.Id);
        state.Webhooks.Emit(new CustomerSeatRevokedWebhookEvent(View(state, seat), state.Now));
        if (holder is not null)
        {
            BenefitGrantEngine.RevokeForSeatHolder(state, seat.SubscriptionId ?? seat.OrderId!, holder, seat.OrderId is not null && seat.SubscriptionId is null);
        }

        return seat;
    }

    /// <summary>The seat as Polar answers it: <c>customer_email</c> from its holder; no member fields without the member model.</summary>
    public static CustomerSeat View(EmulatorState state, CustomerSeat seat)
    {
        seat.CustomerEmail = seat.CustomerId is { } id ? state.Customers.Find(id) is { } customer ? Customers.CustomerEngine.EmailOf(customer) : null : null;
        seat.MemberId = null;
        seat.Member = null;
        seat.Email = null;
        return seat;
    }

    private static void GrantBenefits(EmulatorState state, CustomerSeat seat)
    {
        if (seat.SubscriptionId is { } subscriptionId && state.Subscriptions.Find(subscriptionId) is { } subscription)
        {
            BenefitGrantEngine.GrantForSeatHolder(state, subscription.ProductId, new GrantScope(subscriptionId, null), seat.CustomerId!);
        }
        else if (seat.OrderId is { } orderId && state.Orders.Find(orderId) is { ProductId: { } productId })
        {
            BenefitGrantEngine.GrantForSeatHolder(state, productId, new GrantScope(null, orderId), seat.CustomerId!);
        }
    }

    // Python's secrets.token_urlsafe(32): 32 random bytes, unpadded base64url (43 characters).
    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
