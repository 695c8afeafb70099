using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Triggers;

/// <summary><c>order.paid</c> / <c>order.created</c> buy through a paid checkout; <c>order.refunded</c> refunds through Polar's refund rules.</summary>
public sealed class OrderTriggerTests : TriggerTest
{
    [Fact]
    public async Task Paid_buys_the_product_through_a_checkout_paid_on_the_hosted_page()
    {
        var ebook = await EbookAsync();
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Cancel);
        var body = Trigger("order.paid", "product_id", ebook.Id);
        body["customer_id"] = customer.Id;

        var answer = As<Order>(await TriggerAsync(body,
            "checkout.created", "checkout.updated", "customer.updated", "customer.state_changed",
            "order.created", "order.updated", "order.paid", "checkout.updated"));

        Assert.Equal(OrderStatus.Paid, answer.Status);
        var order = await Polar.Orders.GetAsync(answer.Id, cancellationToken: Cancel);
        Assert.Equal(OrderBillingReason.Purchase, order.BillingReason);
        Assert.Equal(customer.Id, order.CustomerId);
        Assert.Equal(ebook.Id, order.ProductId);
        Assert.Equal(2500, order.TotalAmount);
        var checkout = await Polar.Checkouts.GetAsync(order.CheckoutId!, cancellationToken: Cancel);
        Assert.Equal(CheckoutStatus.Succeeded, checkout.Status);
    }

    [Fact]
    public async Task Created_with_a_card_that_would_be_refused_is_402_before_anything_happens()
    {
        var ebook = await EbookAsync();
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Cancel);
        var body = Trigger("order.created", "product_id", ebook.Id);
        body["customer_id"] = customer.Id;
        body["card"] = "4000000000000002";

        await RefusedAsync(body, 402, "PaymentFailed");

        Assert.Empty((await Polar.Checkouts.ListAsync(new CheckoutListOptions(), cancellationToken: Cancel)).Items);
    }

    [Fact]
    public async Task Paid_for_a_recurring_product_starts_a_subscription_and_a_second_one_is_Polars_403()
    {
        var pro = await MonthlyAsync("Pro", 1500);
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Cancel);
        var body = Trigger("order.paid", "product_id", pro.Id);
        body["customer_id"] = customer.Id;

        var order = As<Order>(await TriggerAsync(body,
            "checkout.created", "checkout.updated", "customer.updated", "customer.state_changed",
            "subscription.created", "subscription.active", "subscription.updated", "customer.state_changed",
            "order.created", "order.updated", "order.paid", "checkout.updated"));

        Assert.Equal(OrderBillingReason.SubscriptionCreate, order.BillingReason);
        Assert.Equal(SubscriptionStatus.Active, (await GetSubscriptionAsync(order.SubscriptionId!)).Status);
        await RefusedAsync(body, 403, "AlreadyActiveSubscriptionError");
        Assert.Single((await Polar.Checkouts.ListAsync(new CheckoutListOptions(), cancellationToken: Cancel)).Items);
    }

    [Fact]
    public async Task Refunded_refunds_the_whole_order_by_default()
    {
        var order = await BoughtEbookAsync();

        var answer = As<Order>(await TriggerAsync(Trigger("order.refunded", "order_id", order.Id),
            "order.updated", "refund.created", "order.refunded", "refund.updated"));

        Assert.Equal(OrderStatus.Refunded, answer.Status);
        var refunded = await Polar.Orders.GetAsync(order.Id, cancellationToken: Cancel);
        Assert.Equal(OrderStatus.Refunded, refunded.Status);
        Assert.Equal(2500, refunded.RefundedAmount);
        var refund = Assert.Single((await Polar.Refunds.ListAsync(new RefundListOptions { OrderId = [order.Id] }, cancellationToken: Cancel)).Items);
        Assert.Equal(2500, refund.Amount);
    }

    [Fact]
    public async Task Refunded_with_an_amount_refunds_part_and_revokes_benefits_when_asked()
    {
        var order = await BoughtEbookAsync(withBenefit: true);
        var body = Trigger("order.refunded", "order_id", order.Id);
        body["amount"] = 1000;
        body["revoke_benefits"] = true;

        await TriggerAsync(body,
            "order.updated", "refund.created", "order.refunded", "benefit_grant.revoked", "customer.state_changed", "refund.updated");

        var refunded = await Polar.Orders.GetAsync(order.Id, cancellationToken: Cancel);
        Assert.Equal(OrderStatus.PartiallyRefunded, refunded.Status);
        Assert.Equal(1000, refunded.RefundedAmount);
    }

    [Fact]
    public async Task Refunding_a_refunded_order_is_Polars_RefundedAlready()
    {
        var order = await BoughtEbookAsync();
        await SendTriggerAsync(Trigger("order.refunded", "order_id", order.Id));

        await RefusedAsync(Trigger("order.refunded", "order_id", order.Id), 403, "RefundedAlready");
    }

    private Task<Product> EbookAsync() =>
        Polar.Products.CreateAsync(new ProductCreateOneTime { Name = "Ebook", Prices = [new ProductPriceFixedCreate { PriceAmount = 2500 }] }, cancellationToken: Cancel);

    private async Task<Order> BoughtEbookAsync(bool withBenefit = false)
    {
        var ebook = await EbookAsync();
        if (withBenefit)
        {
            ebook = await WithBenefitsAsync(ebook, await FeatureFlagAsync());
        }

        var checkout = await Polar.Checkouts.CreateAsync(new CheckoutProductsCreate { Products = [ebook.Id], CustomerEmail = "ada@example.com" }, cancellationToken: Cancel);
        var (status, body) = await SendAsync(HttpMethod.Post, $"/emulator/checkouts/{checkout.Id}/complete", "{}");
        Assert.True(status == 200, body?.ToJsonString());
        var orders = await Polar.Orders.ListAsync(new OrderListOptions { CheckoutId = [checkout.Id] }, cancellationToken: Cancel);
        return Assert.Single(orders.Items);
    }
}
