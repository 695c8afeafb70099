using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Subscriptions;

/// <summary><c>POST /v1/subscriptions/</c>: free recurring products only, by customer id or external id, no order.</summary>
public sealed class SubscriptionCreateTests : SubscriptionTest
{
    [Fact]
    public async Task A_free_product_subscription_starts_active_with_its_benefits_and_no_order()
    {
        var free = await WithBenefitsAsync(await MonthlyAsync("Free", 0), await FeatureFlagAsync());
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com", ExternalId = "user_1" }, cancellationToken: Cancel);
        TakeWebhooks();

        var subscription = await Polar.Subscriptions.CreateAsync(
            new SubscriptionCreateExternalCustomer { ProductId = free.Id, ExternalCustomerId = "user_1", Metadata = new() { ["plan"] = "free" } },
            cancellationToken: Cancel);

        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.Equal(0, subscription.Amount);
        Assert.Equal(customer.Id, subscription.CustomerId);
        Assert.Equal(Start, subscription.StartedAt);
        Assert.Equal(Start.AddDays(30), subscription.CurrentPeriodEnd);
        Assert.Null(subscription.CheckoutId);
        Assert.Equal("free", subscription.Metadata["plan"].ToString());
        var events = AssertWebhooks(
            "subscription.created", "subscription.active", "subscription.updated", "customer.state_changed",
            "benefit_grant.created", "customer.state_changed");
        Assert.Equal(subscription.Id, ((SubscriptionCreatedWebhookEvent)events[0]).Data.Id);
        Assert.Empty(await OrdersAsync(subscription.Id));
    }

    [Fact]
    public async Task A_paid_product_must_go_through_a_checkout()
    {
        var paid = await MonthlyAsync("Basic", 2900);
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Cancel);

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/subscriptions/", $$"""{"product_id":"{{paid.Id}}","customer_id":"{{customer.Id}}"}""");

        Assert.Equal(422, status);
        var issue = body!["detail"]![0]!;
        Assert.Equal("Product is not free. The customer should go through a checkout to create a paid subscription.", (string?)issue["msg"]);
        Assert.Equal("product_id", (string?)issue["loc"]![1]);
    }

    [Fact]
    public async Task A_one_time_product_or_an_unknown_one_is_rejected()
    {
        var once = await Polar.Products.CreateAsync(new ProductCreateOneTime { Name = "Ebook", Prices = [new ProductPriceFixedCreate { PriceAmount = 0 }] }, cancellationToken: Cancel);
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Cancel);

        var (oneTime, oneTimeBody) = await SendAsync(HttpMethod.Post, "/v1/subscriptions/", $$"""{"product_id":"{{once.Id}}","customer_id":"{{customer.Id}}"}""");
        var (unknown, unknownBody) = await SendAsync(HttpMethod.Post, "/v1/subscriptions/", $$"""{"product_id":"{{Guid.NewGuid()}}","customer_id":"{{customer.Id}}"}""");

        Assert.Equal(422, oneTime);
        Assert.Equal("Product is not a recurring product.", (string?)oneTimeBody!["detail"]![0]!["msg"]);
        Assert.Equal(422, unknown);
        Assert.Equal("Product does not exist.", (string?)unknownBody!["detail"]![0]!["msg"]);
    }

    [Fact]
    public async Task An_unknown_customer_is_rejected_at_its_field()
    {
        var free = await MonthlyAsync("Free", 0);

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/subscriptions/", $$"""{"product_id":"{{free.Id}}","external_customer_id":"nobody"}""");

        Assert.Equal(422, status);
        Assert.Equal("Customer does not exist.", (string?)body!["detail"]![0]!["msg"]);
        Assert.Equal("external_customer_id", (string?)body["detail"]![0]!["loc"]![1]);
    }
}
