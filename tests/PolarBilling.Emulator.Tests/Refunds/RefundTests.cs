using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Checkouts;
using Xunit;

namespace PolarBilling.Emulator.Tests.Refunds;

public sealed class RefundTests : CheckoutFlowTest
{
    [Fact]
    public async Task A_partial_refund_leaves_the_order_partially_refunded_and_a_second_one_completes_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var order = await BuyAsync(await OneTimeProductAsync(amount: 2500));

        var partial = await Polar.Refunds.CreateAsync(new RefundCreate { OrderId = order.Id, Reason = "customer_request", Amount = 1000 }, cancellationToken: ct);
        var partialEvents = AssertWebhooks("order.updated", "refund.created", "order.refunded", "refund.updated");
        var rest = await Polar.Refunds.CreateAsync(new RefundCreate { OrderId = order.Id, Reason = "other", Amount = 1500 }, cancellationToken: ct);
        var after = await Polar.Orders.GetAsync(order.Id, cancellationToken: ct);

        Assert.Equal((RefundStatus.Succeeded, 1000L, 0L, "usd"), (partial.Status, partial.Amount, partial.TaxAmount, partial.Currency));
        Assert.Equal(order.CustomerId, partial.CustomerId);
        var partiallyRefunded = ((OrderUpdatedWebhookEvent)partialEvents[0]).Data;
        Assert.Equal((OrderStatus.PartiallyRefunded, 1000L, 1500L), (partiallyRefunded.Status, partiallyRefunded.RefundedAmount, partiallyRefunded.RefundableAmount));
        Assert.Equal(order.Id, ((OrderRefundedWebhookEvent)partialEvents[2]).Data.Id);
        Assert.Equal(RefundStatus.Succeeded, rest.Status);
        Assert.Equal((OrderStatus.Refunded, 2500L, 0L), (after.Status, after.RefundedAmount, after.RefundableAmount));
        Assert.True(after.Paid);
    }

    [Fact]
    public async Task A_fully_refunded_order_cannot_be_refunded_again()
    {
        var order = await BuyAsync(await OneTimeProductAsync(amount: 2500));
        await Polar.Refunds.CreateAsync(new RefundCreate { OrderId = order.Id, Reason = "duplicate", Amount = 2500 }, cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/refunds/", $$"""{"order_id":"{{order.Id}}","reason":"duplicate","amount":1}""");

        Assert.Equal(403, status);
        Assert.Equal("RefundedAlready", (string?)body!["error"]);
        Assert.Equal($"Order is already fully refunded: {order.Id}", (string?)body["detail"]);
    }

    [Fact]
    public async Task A_refund_larger_than_what_remains_is_refused()
    {
        var order = await BuyAsync(await OneTimeProductAsync(amount: 2500));
        await Polar.Refunds.CreateAsync(new RefundCreate { OrderId = order.Id, Reason = "other", Amount = 2000 }, cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/refunds/", $$"""{"order_id":"{{order.Id}}","reason":"other","amount":501}""");

        Assert.Equal(400, status);
        Assert.Equal("RefundAmountTooHigh", (string?)body!["error"]);
        Assert.Equal("Refund amount exceeds remaining order balance: 500", (string?)body["detail"]);
    }

    [Fact]
    public async Task Unknown_orders_free_orders_and_subscription_benefit_revocation_are_refused()
    {
        var free = await BuyAsync(await OneTimeProductAsync("Free guide", 0));
        var subscriptionOrder = await BuyAsync(await MonthlyProductAsync(), c => c.CustomerEmail = "grace@example.com");

        var (unknown, unknownBody) = await SendAsync(HttpMethod.Post, "/v1/refunds/", $$"""{"order_id":"{{Guid.NewGuid()}}","reason":"other","amount":100}""");
        var (freeStatus, _) = await SendAsync(HttpMethod.Post, "/v1/refunds/", $$"""{"order_id":"{{free.Id}}","reason":"other","amount":1}""");
        var (revoke, revokeBody) = await SendAsync(
            HttpMethod.Post, "/v1/refunds/", $$"""{"order_id":"{{subscriptionOrder.Id}}","reason":"other","amount":100,"revoke_benefits":true}""");
        var (zero, _) = await SendAsync(HttpMethod.Post, "/v1/refunds/", $$"""{"order_id":"{{subscriptionOrder.Id}}","reason":"other","amount":0}""");

        Assert.Equal(422, unknown);
        Assert.Equal("""["body","order_id"]""", unknownBody!["detail"]![0]!["loc"]!.ToJsonString());
        Assert.Equal(400, freeStatus);
        Assert.Equal(400, revoke);
        Assert.Equal("RevokeSubscriptionBenefitsProhibited", (string?)revokeBody!["error"]);
        Assert.Equal(422, zero);
        Assert.Empty(TakeWebhooks());
    }

    [Fact]
    public async Task Refunds_filter_by_order_customer_subscription_and_external_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await BuyAsync(await OneTimeProductAsync(), c => c.ExternalCustomerId = "user_1");
        var second = await BuyAsync(await MonthlyProductAsync(), c => c.CustomerEmail = "grace@example.com");
        var r1 = await Polar.Refunds.CreateAsync(new RefundCreate { OrderId = first.Id, Reason = "other", Amount = 100 }, cancellationToken: ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var r2 = await Polar.Refunds.CreateAsync(new RefundCreate { OrderId = second.Id, Reason = "other", Amount = 100 }, cancellationToken: ct);

        async Task<IEnumerable<string>> Ids(RefundListOptions options) => (await Polar.Refunds.ListAsync(options, cancellationToken: ct)).Items.Select(r => r.Id);

        Assert.Equal([r2.Id, r1.Id], await Ids(new RefundListOptions()));
        Assert.Equal([r1.Id], await Ids(new RefundListOptions { OrderId = [first.Id] }));
        Assert.Equal([r2.Id], await Ids(new RefundListOptions { CustomerId = [second.CustomerId] }));
        Assert.Equal([r2.Id], await Ids(new RefundListOptions { SubscriptionId = [second.SubscriptionId!] }));
        Assert.Equal([r1.Id], await Ids(new RefundListOptions { ExternalCustomerId = ["user_1"] }));
        Assert.Equal([r2.Id, r1.Id], await Ids(new RefundListOptions { Succeeded = true }));
    }
}
