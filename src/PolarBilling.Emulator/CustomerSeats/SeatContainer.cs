using PolarBilling.Client;

namespace PolarBilling.Emulator.CustomerSeats;

/// <summary>What seats belong to (Polar's <c>SeatContainer</c>): a seat-based subscription or a seat-based one-time order.</summary>
internal sealed record SeatContainer(string? SubscriptionId, string? OrderId, string ProductId, string BillingCustomerId, long Seats)
{
    public string Id => SubscriptionId ?? OrderId!;

    public static SeatContainer Of(Subscription subscription) =>
        new(subscription.Id, null, subscription.ProductId, subscription.CustomerId, subscription.Seats ?? 0);

    public static SeatContainer Of(Order order) =>
        new(null, order.Id, order.ProductId ?? string.Empty, order.CustomerId, order.Seats ?? 0);

    public bool Owns(CustomerSeat seat) =>
        SubscriptionId is not null ? seat.SubscriptionId == SubscriptionId : seat.OrderId == OrderId;
}
