using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Checkouts;
using Xunit;

namespace PolarBilling.Emulator.Tests.Orders;

public sealed class OrderQueryTests : CheckoutFlowTest
{
    [Fact]
    public async Task Orders_filter_by_customer_external_id_product_checkout_subscription_status_reason_and_metadata()
    {
        var ct = TestContext.Current.CancellationToken;
        var ebook = await OneTimeProductAsync();
        var pro = await MonthlyProductAsync();
        var purchase = await BuyAsync(ebook, c =>
        {
            c.ExternalCustomerId = "user_1";
            c.Metadata = new Dictionary<string, MetadataValue> { ["source"] = "ads" };
        });
        Clock.Advance(TimeSpan.FromMinutes(1));
        var subscriptionOrder = await BuyAsync(pro, c => c.CustomerEmail = "grace@example.com");

        async Task<IEnumerable<string>> Ids(OrderListOptions options) => (await Polar.Orders.ListAsync(options, cancellationToken: ct)).Items.Select(o => o.Id);

        Assert.Equal([subscriptionOrder.Id, purchase.Id], await Ids(new OrderListOptions()));
        Assert.Equal([purchase.Id], await Ids(new OrderListOptions { CustomerId = [purchase.CustomerId] }));
        Assert.Equal([purchase.Id], await Ids(new OrderListOptions { ExternalCustomerId = ["user_1"] }));
        Assert.Equal([subscriptionOrder.Id], await Ids(new OrderListOptions { ProductId = [pro.Id] }));
        Assert.Equal([purchase.Id], await Ids(new OrderListOptions { CheckoutId = [purchase.CheckoutId!] }));
        Assert.Equal([subscriptionOrder.Id], await Ids(new OrderListOptions { SubscriptionId = [subscriptionOrder.SubscriptionId!] }));
        Assert.Equal([subscriptionOrder.Id], await Ids(new OrderListOptions { ProductBillingType = [ProductBillingType.Recurring] }));
        Assert.Equal([purchase.Id], await Ids(new OrderListOptions { Metadata = new Dictionary<string, MetadataValue> { ["source"] = "ads" } }));
        Assert.Empty(await Ids(new OrderListOptions { Status = [OrderStatus.Refunded] }));
        Assert.Equal([purchase.Id, subscriptionOrder.Id], (await Polar.Orders.ListAsync(new OrderListOptions { Sorting = ["created_at"] }, cancellationToken: ct)).Items.Select(o => o.Id));
    }

    [Fact]
    public async Task An_order_embeds_its_customer_product_and_subscription_as_they_are_now()
    {
        var order = await BuyAsync(await MonthlyProductAsync("Pro"));

        var fetched = await Polar.Orders.GetAsync(order.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(order.CustomerId, fetched.Customer.Id);
        Assert.Equal("Pro", fetched.Product!.Name);
        Assert.Equal(order.SubscriptionId, fetched.Subscription!.Id);
        Assert.Equal("Pro", fetched.Description);
        Assert.True(fetched.Paid);
    }

    [Fact]
    public async Task An_unknown_order_is_404_and_a_malformed_id_422()
    {
        var (missing, _) = await SendAsync(HttpMethod.Get, $"/v1/orders/{Guid.NewGuid()}");
        var (malformed, _) = await SendAsync(HttpMethod.Get, "/v1/orders/not-a-uuid");

        Assert.Equal(404, missing);
        Assert.Equal(422, malformed);
    }
}
