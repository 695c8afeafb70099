using PolarBilling.Client.Tests.Infrastructure;
using PolarBilling.Client.Tests.Subscriptions;
using PolarBilling.Client.Tests.Conformance;
using Xunit;

namespace PolarBilling.Client.Tests.Orders;

/// <summary>Orders over real HTTP: get, list with every filter, auto-paging and billing-detail updates.</summary>
public sealed class OrdersServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_reads_one_order_by_id()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", OrderFixtures.OrderPath).Always(LoopbackResponse.Json(200, OrderFixtures.PaidSubscriptionCreate));
        var client = server.CreateClient();

        var order = await client.Orders.GetAsync(OrderFixtures.PaidId, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/orders/" + OrderFixtures.PaidId, ""), (request.Method, request.Path, request.QueryString));
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((OrderFixtures.PaidId, 5712L, "usd"), (order.Id, order.TotalAmount, order.Currency));
    }

    [Fact]
    public async Task Every_list_filter_becomes_its_query_parameter()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/orders/").Always(LoopbackResponse.Json(200, OrderFixtures.Page([OrderFixtures.PaidSubscriptionCreate], 1, 1)));
        var client = server.CreateClient();

        var page = await client.Orders.ListAsync(
            new OrderListOptions
            {
                Page = 3,
                Limit = 100,
                Sorting = ["-created_at"],
                OrganizationId = ["0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10"],
                ProductId = [OrderFixtures.TeamId, OrderFixtures.EbookId],
                ProductBillingType = [ProductBillingType.Recurring, ProductBillingType.OneTime],
                DiscountId = ["e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a51"],
                CustomerId = [OrderFixtures.CustomerId],
                ExternalCustomerId = ["user_42"],
                CheckoutId = ["c7a1e2b3-4d5f-4a6b-9c8d-7e6f5a4b3c2d"],
                SubscriptionId = [OrderFixtures.SeatsSubscriptionId],
                Status = [OrderStatus.Paid, OrderStatus.PartiallyRefunded],
                CreatedAfter = DateTimeOffset.Parse("2026-03-01T00:00:00Z"),
                CreatedBefore = DateTimeOffset.Parse("2026-04-01T00:00:00Z"),
                Metadata = new Dictionary<string, MetadataValue> { ["plan_key"] = "team" },
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(
            [
                new("page", "3"), new("limit", "100"), new("sorting", "-created_at"),
                new("organization_id", "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10"),
                new("product_id", OrderFixtures.TeamId), new("product_id", OrderFixtures.EbookId),
                new("product_billing_type", "recurring"), new("product_billing_type", "one_time"),
                new("discount_id", "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a51"),
                new("customer_id", OrderFixtures.CustomerId),
                new("external_customer_id", "user_42"),
                new("checkout_id", "c7a1e2b3-4d5f-4a6b-9c8d-7e6f5a4b3c2d"),
                new("subscription_id", OrderFixtures.SeatsSubscriptionId),
                new("status", "paid"), new("status", "partially_refunded"),
                new("created_after", "2026-03-01T00:00:00.000000Z"),
                new("created_before", "2026-04-01T00:00:00.000000Z"),
                new("metadata[plan_key]", "team"),
            ],
            request.Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(OrderFixtures.PaidId, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task Auto_paging_reads_every_page_of_a_customers_payment_history()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var pages = new Dictionary<string, string>
        {
            ["1"] = OrderFixtures.Page([OrderFixtures.PaidSubscriptionCreate, OrderFixtures.PartiallyRefundedOneTime], 3, 2),
            ["2"] = OrderFixtures.Page([OrderFixtures.PendingRenewalWithProration], 3, 2),
        };
        server.On("GET", "/v1/orders/").Always(r => LoopbackResponse.Json(200, pages[r.QueryValues("page").Single()]));
        var client = server.CreateClient();

        var totals = new List<long>();
        await foreach (var order in client.Orders.ListAutoPagingAsync(new OrderListOptions { Limit = 2, CustomerId = [OrderFixtures.CustomerId] }, cancellationToken: Ct))
        {
            totals.Add(order.TotalAmount);
        }

        Assert.Equal([5712L, 3900L, 3451L], totals);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal([OrderFixtures.CustomerId], r.QueryValues("customer_id")));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Update_patches_the_billing_name_and_address_and_is_retried_after_a_5xx()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", OrderFixtures.OrderPath).Once(LoopbackResponse.Empty(503)).Always(LoopbackResponse.Json(200, OrderFixtures.PaidSubscriptionCreate));
        var client = server.CreateClient();

        var order = await client.Orders.UpdateAsync(
            OrderFixtures.PaidId,
            new OrderUpdate
            {
                BillingName = "Analytical Engines Ltd",
                BillingAddress = new AddressInput { Line1 = "Rosenthaler Str. 40", PostalCode = "10178", City = "Berlin", Country = "DE" },
            },
            cancellationToken: Ct);

        Assert.Equal(2, server.Requests.Count);
        var request = server.Requests[1];
        Assert.Equal(("PATCH", "/v1/orders/" + OrderFixtures.PaidId), (request.Method, request.Path));
        ExactJson.Equal(
            """{"billing_name":"Analytical Engines Ltd","billing_address":{"line1":"Rosenthaler Str. 40","postal_code":"10178","city":"Berlin","country":"DE"}}""",
            request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal("Analytical Engines Ltd", order.BillingName);
    }

    [Fact]
    public async Task Missing_ids_throw_before_any_request()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var orders = server.CreateClient().Orders;

        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => orders.GetAsync("", cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => orders.FinalizeAsync(" ", cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => orders.GetReceiptAsync(null!, cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => orders.GenerateInvoiceAsync("", cancellationToken: Ct))).ParamName);
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => orders.UpdateAsync(OrderFixtures.PaidId, null!, cancellationToken: Ct))).ParamName);
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => orders.CreateAsync(null!, cancellationToken: Ct))).ParamName);
        Assert.Empty(server.Requests);
    }
}
