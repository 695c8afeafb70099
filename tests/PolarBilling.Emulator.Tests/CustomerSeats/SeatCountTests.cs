using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Subscriptions;
using Xunit;

namespace PolarBilling.Emulator.Tests.CustomerSeats;

/// <summary><c>{"seats": n}</c> on a seat-based subscription: prorated like a plan change, within the tiers and the assigned seats.</summary>
public sealed class SeatCountTests : SubscriptionTest
{
    [Fact]
    public async Task Adding_seats_under_invoice_bills_the_prorated_difference_now()
    {
        var subscription = await SubscribeAsync(await SeatsProductAsync("Team", perSeat: 1000), seats: 3);
        MoveTo(Start.AddDays(15));

        var updated = await Polar.Subscriptions.UpdateSeatsAsync(subscription.Id, 5, SubscriptionProrationBehavior.Invoice, cancellationToken: Cancel);

        Assert.Equal(5, updated.Seats);
        Assert.Equal(5000, updated.Amount);
        AssertWebhooks("order.created", "order.updated", "order.paid", "subscription.updated", "customer.state_changed");
        var order = (await OrdersAsync(subscription.Id))[^1];
        var line = Assert.Single(order.Items);
        Assert.Equal("Team (3 → 5 seats) — From Nov 17, 2026 to Dec 2, 2026", line.Label);
        Assert.Equal(1000, line.Amount);
        Assert.True(line.Proration);
    }

    [Fact]
    public async Task Next_period_seats_wait_as_a_pending_update()
    {
        var subscription = await SubscribeAsync(await SeatsProductAsync("Team", perSeat: 1000), seats: 3);

        var updated = await Polar.Subscriptions.UpdateSeatsAsync(subscription.Id, 4, SubscriptionProrationBehavior.NextPeriod, cancellationToken: Cancel);

        Assert.Equal(3, updated.Seats);
        Assert.Equal(4, updated.PendingUpdate!.Seats);
        Assert.Null(updated.PendingUpdate.ProductId);
        MoveTo(Start.AddDays(30));
        var renewed = await RenewAsync(subscription.Id);
        Assert.Equal(4, renewed.Seats);
        Assert.Equal(4000, (await OrdersAsync(subscription.Id))[^1].TotalAmount);
    }

    [Fact]
    public async Task Seat_limits_and_assigned_seats_bound_the_count()
    {
        var subscription = await SubscribeAsync(await SeatsProductAsync("Team", perSeat: 1000, minimum: 2, maximum: 10), seats: 3);
        await SendAsync(HttpMethod.Post, "/v1/customer-seats", $$"""{"subscription_id":"{{subscription.Id}}","email":"a@example.com"}""");
        await SendAsync(HttpMethod.Post, "/v1/customer-seats", $$"""{"subscription_id":"{{subscription.Id}}","email":"b@example.com"}""");
        await SendAsync(HttpMethod.Post, "/v1/customer-seats", $$"""{"subscription_id":"{{subscription.Id}}","email":"c@example.com"}""");

        var (below, belowBody) = await SeatsAsync(subscription.Id, 1);
        var (above, aboveBody) = await SeatsAsync(subscription.Id, 11);
        var (assigned, assignedBody) = await SeatsAsync(subscription.Id, 2);

        Assert.Equal((400, "BelowMinimumSeats"), (below, (string?)belowBody!["error"]));
        Assert.Equal((400, "AboveMaximumSeats"), (above, (string?)aboveBody!["error"]));
        Assert.Equal((400, "SeatsAlreadyAssigned"), (assigned, (string?)assignedBody!["error"]));
        Assert.Equal("Cannot decrease seats to 2. Currently 3 seats are assigned. Revoke seats first.", (string?)assignedBody["detail"]);
    }

    [Fact]
    public async Task A_subscription_without_seats_refuses_a_seat_count()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var (status, body) = await SeatsAsync(subscription.Id, 3);

        Assert.Equal((400, "NotASeatBasedSubscription"), (status, (string?)body!["error"]));
    }

    private Task<(int Status, System.Text.Json.Nodes.JsonNode? Body)> SeatsAsync(string subscriptionId, long seats) =>
        SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscriptionId}", $$"""{"seats":{{seats}}}""");
}
