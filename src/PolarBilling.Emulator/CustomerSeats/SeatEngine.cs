using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.CustomerSeats;

/// <summary>Seat changes shared by the seats API and subscriptions (Polar's <c>customer_seat/service.py</c>). Call under the state lock.</summary>
internal static class SeatEngine
{
    /// <summary>Seats that count against the subscription's seat total: pending and claimed (Polar's <c>count_assigned_seats_for_subscription</c>).</summary>
    public static int AssignedCount(EmulatorState state, string subscriptionId) =>
        state.CustomerSeats.All.Count(s => s.SubscriptionId == subscriptionId && s.Status != SeatStatus.Revoked);

    /// <summary>Revokes every seat of a subscription that ended (Polar's <c>revoke_all_seats_for_subscription</c>).</summary>
    public static void RevokeAllForSubscription(EmulatorState state, Subscription subscription)
    {
        foreach (var seat in state.CustomerSeats.All.Where(s => s.SubscriptionId == subscription.Id && s.Status != SeatStatus.Revoked).ToList())
        {
            Revoke(state, seat);
        }
    }

    /// <summary>
    /// Polar's <c>revoke_seat</c>: the holder's benefits from the subscription are revoked, the seat becomes
    /// <c>revoked</c> and <c>customer_seat.revoked</c> is sent.
    /// </summary>
    public static CustomerSeat Revoke(EmulatorState state, CustomerSeat seat)
    {
        var holder = seat.CustomerId;
        var wasClaimed = seat.Status == SeatStatus.Claimed;
        seat.Status = SeatStatus.Revoked;
        seat.RevokedAt = state.Now;
        seat.ModifiedAt = state.Now;
        state.CustomerSeats.InvitationTokens.Remove(seat.Id);
        state.Webhooks.Emit(new CustomerSeatRevokedWebhookEvent(seat, state.Now));
        if (wasClaimed && holder is not null && seat.SubscriptionId is not null)
        {
            BenefitGrantEngine.RevokeForSeatHolder(state, seat.SubscriptionId, holder);
        }

        return seat;
    }
}
