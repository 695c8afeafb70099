using System.Text.Json.Nodes;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Triggers;

/// <summary><c>PUT /emulator/customers/{id}/card</c> with a test card or an outcome: a failing card makes the next renewal fail, a good one recovers at once.</summary>
public sealed class CustomerCardTests : TriggerTest
{
    [Fact]
    public async Task Outcome_fail_makes_the_next_renewal_go_past_due()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var (status, body) = await SetCardAsync(subscription.CustomerId, new JsonObject { ["outcome"] = "fail" });

        Assert.Equal(200, status);
        Assert.Equal("4000000000000341", (string?)body!["card"]);
        Assert.Equal(0, (int)body["recovered_orders"]!);
        MoveTo(Start.AddDays(30));
        var renewed = await RenewAsync(subscription.Id);
        Assert.Equal(SubscriptionStatus.PastDue, (await GetSubscriptionAsync(renewed.Id)).Status);
        Assert.Equal(OrderStatus.Pending, (await CycleOrderAsync(subscription.Id)).Status);
    }

    [Fact]
    public async Task Outcome_succeed_recovers_a_past_due_customer_at_once()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        await SetCardAsync(subscription.CustomerId, new JsonObject { ["outcome"] = "fail" });
        MoveTo(Start.AddDays(30));
        await RenewAsync(subscription.Id);
        TakeWebhooks();
        MoveTo(Start.AddDays(31));

        var (status, body) = await SetCardAsync(subscription.CustomerId, new JsonObject { ["outcome"] = "succeed" });

        Assert.Equal(200, status);
        Assert.Equal("4242424242424242", (string?)body!["card"]);
        Assert.Equal(1, (int)body["recovered_orders"]!);
        AssertWebhooks("order.updated", "order.paid", "subscription.updated", "subscription.active", "customer.state_changed");
        Assert.Equal(SubscriptionStatus.Active, (await GetSubscriptionAsync(subscription.Id)).Status);
        var order = (await CycleOrderAsync(subscription.Id));
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Null(order.NextPaymentAttemptAt);
    }

    [Fact]
    public async Task A_card_number_still_works_and_a_declining_card_recovers_nothing()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var (status, body) = await SetCardAsync(subscription.CustomerId, new JsonObject { ["card"] = "4000 0000 0000 9995" });

        Assert.Equal(200, status);
        Assert.Equal("4000000000009995", (string?)body!["card"]);
        lock (Emulator.State.Gate)
        {
            Assert.False(Emulator.State.Checkouts.Cards.CardOf(subscription.CustomerId)!.Pays);
        }
    }

    [Theory]
    [InlineData("""{}""", "Give exactly one of 'card'")]
    [InlineData("""{"card": "4242424242424242", "outcome": "fail"}""", "Give exactly one of 'card'")]
    [InlineData("""{"outcome": "maybe"}""", "Unknown outcome 'maybe'")]
    [InlineData("""{"card": "1234"}""", "Unknown card '1234'")]
    public async Task Anything_but_exactly_one_known_card_or_outcome_is_400(string json, string detail)
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var (status, body) = await SendAsync(HttpMethod.Put, $"/emulator/customers/{subscription.CustomerId}/card", json);

        Assert.Equal(400, status);
        Assert.Equal("InvalidControlRequest", (string?)body!["error"]);
        Assert.StartsWith(detail, (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_customer_is_404()
    {
        var (status, body) = await SetCardAsync(Guid.NewGuid().ToString(), new JsonObject { ["outcome"] = "succeed" });

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFound", (string?)body!["error"]);
    }
}
