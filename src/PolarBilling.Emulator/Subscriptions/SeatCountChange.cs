using PolarBilling.Client;
using PolarBilling.Emulator.CustomerSeats;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Polar's <c>update_seats</c>: within the price's seat limits and not below the seats already assigned; the
/// difference is prorated like a plan change (<c>invoice</c> now, <c>prorate</c> at renewal, <c>next_period</c> pending).
/// </summary>
internal static class SeatCountChange
{
    public static void Apply(EmulatorState state, SubscriptionChange change, long seats, string behavior)
    {
        var subscription = change.Subscription;
        if (SubscriptionStates.IsRevoked(subscription.Status) || subscription.CancelAtPeriodEnd)
        {
            throw SubscriptionProblems.AlreadyCanceled();
        }

        var seatPrice = subscription.Prices.OfType<ProductPriceSeatBased>().FirstOrDefault() ?? throw SubscriptionProblems.NotSeatBased();
        var minimum = PriceAmounts.MinimumSeats(seatPrice);
        if (seats < minimum)
        {
            throw SubscriptionProblems.BelowMinimumSeats(minimum);
        }

        if (PriceAmounts.MaximumSeats(seatPrice) is { } maximum && seats > maximum)
        {
            throw SubscriptionProblems.AboveMaximumSeats(maximum);
        }

        var assigned = SeatEngine.AssignedCount(state, subscription.Id);
        if (seats < assigned)
        {
            throw SubscriptionProblems.SeatsAlreadyAssigned(assigned, seats);
        }

        var ledger = state.Subscriptions.Ledger(subscription.Id);
        var oldSeats = subscription.Seats ?? 1;
        if (oldSeats == seats)
        {
            // Asking for the current count calls off a pending seat change.
            if (subscription.PendingUpdate is { Seats: not null } pendingSeats)
            {
                if (pendingSeats.ProductId is null)
                {
                    SubscriptionPeriodChange.DropPendingUpdate(subscription, ledger);
                }
                else
                {
                    pendingSeats.Seats = null;
                }
            }

            return;
        }

        var trialing = subscription.Status == SubscriptionStatus.Trialing;
        var entry = Prorations.ForSeatChange(subscription, seatPrice, state.Discounts.Find(subscription.DiscountId), oldSeats, seats, state.Now);
        var bills = behavior is "invoice" && !trialing && entry is not null;
        if (bills)
        {
            SubscriptionInvoices.EnsureChargeable(state, subscription);
        }

        SystemEventLog.Record(state, new SubscriptionSeatsUpdatedEvent
        {
            Metadata = new SubscriptionSeatsUpdatedMetadata { SubscriptionId = subscription.Id, OldSeats = oldSeats, NewSeats = seats, ProrationBehavior = behavior },
        }, subscription.CustomerId);
        if (behavior == "next_period")
        {
            var pending = subscription.PendingUpdate ?? new PendingSubscriptionUpdate { Id = PolarTokens.NewId(), CreatedAt = state.Now };
            pending.ModifiedAt = subscription.PendingUpdate is null ? null : state.Now;
            pending.AppliesAt = subscription.CurrentPeriodEnd;
            pending.Seats = seats;
            subscription.PendingUpdate = pending;
            ledger.PendingProrationBehavior ??= behavior;
            return;
        }

        if (subscription.PendingUpdate is { ProductId: not null } scheduled)
        {
            // A scheduled plan change stays; it will use the new seat count.
            scheduled.Seats = null;
        }
        else
        {
            SubscriptionPeriodChange.DropPendingUpdate(subscription, ledger);
        }

        if (!trialing && entry is not null)
        {
            ledger.PendingEntries.Add(entry);
        }

        subscription.Seats = seats;
        SubscriptionEngine.SetPrices(ledger, subscription, subscription.Prices, customAmount: null);
        change.BillNow = bills;
    }
}
