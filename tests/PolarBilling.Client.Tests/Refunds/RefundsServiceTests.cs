using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Infrastructure;
using PolarBilling.Client.Tests.Subscriptions;
using PolarBilling.Client.Tests.Conformance;
using Xunit;

namespace PolarBilling.Client.Tests.Refunds;

/// <summary>
/// Refunds move money and Polar has no idempotency keys: a create is sent once and never repeated after a 5xx or a
/// timeout, only after a 429. Lists carry every filter.
/// </summary>
public sealed class RefundsServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_partial_refund_posts_exactly_the_amount_reason_and_comment()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/refunds/").Always(LoopbackResponse.Json(201, RefundFixtures.PendingPartial));
        var client = server.CreateClient();

        var refund = await client.Refunds.CreateAsync(
            new RefundCreate
            {
                OrderId = RefundFixtures.OneTimeOrderId,
                Reason = "customer_request",
                Amount = 1500,
                Comment = "Chapter 7 was missing from the PDF.",
                Metadata = new() { ["ticket"] = "SUP-1182" },
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/refunds/"), (request.Method, request.Path));
        ExactJson.Equal(
            $$$"""{"order_id":"{{{RefundFixtures.OneTimeOrderId}}}","reason":"customer_request","amount":1500,"comment":"Chapter 7 was missing from the PDF.","metadata":{"ticket":"SUP-1182"}}""",
            request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((RefundStatus.Pending, 1500L, RefundFixtures.OneTimeOrderId), (refund.Status, refund.Amount, refund.OrderId));
    }

    [Fact]
    public async Task A_full_refund_refunds_the_orders_refundable_amount_before_tax()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/refunds/").Always(LoopbackResponse.Json(201, RefundFixtures.SucceededFull));
        var client = server.CreateClient();
        var order = PolarJson.Deserialize<Order>(Orders.OrderFixtures.PaidSubscriptionCreate);

        var refund = await client.Refunds.RefundInFullAsync(order, RefundReason.ServiceDisruption, "Outage on 2026-03-20.", cancellationToken: Ct);

        ExactJson.Equal(
            $$$"""{"order_id":"{{{RefundFixtures.SubscriptionOrderId}}}","reason":"service_disruption","amount":4800,"comment":"Outage on 2026-03-20."}""",
            Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((4800L, 912L), (refund.Amount, refund.TaxAmount));
    }

    [Fact]
    public async Task A_full_refund_of_a_partially_refunded_order_refunds_only_what_is_left()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/refunds/").Always(LoopbackResponse.Json(201, RefundFixtures.PendingPartial));
        var client = server.CreateClient();
        var order = PolarJson.Deserialize<Order>(Orders.OrderFixtures.PartiallyRefundedOneTime);

        await client.Refunds.RefundInFullAsync(order, RefundReason.SatisfactionGuarantee, cancellationToken: Ct);

        ExactJson.Equal(
            $$$"""{"order_id":"{{{RefundFixtures.OneTimeOrderId}}}","reason":"satisfaction_guarantee","amount":2400}""",
            Assert.Single(server.Requests).BodyText);
    }

    [Fact]
    public async Task A_one_time_refund_can_revoke_the_benefits()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/refunds/").Always(LoopbackResponse.Json(201, RefundFixtures.PendingPartial));
        var client = server.CreateClient();

        await client.Refunds.CreateAsync(
            new RefundCreate { OrderId = RefundFixtures.OneTimeOrderId, Reason = "fraudulent", Amount = 2400, RevokeBenefits = true }, cancellationToken: Ct);

        ExactJson.Equal(
            $$$"""{"order_id":"{{{RefundFixtures.OneTimeOrderId}}}","reason":"fraudulent","amount":2400,"revoke_benefits":true}""",
            Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task A_refund_answered_500_then_201_reaches_Polar_exactly_once_and_the_500_surfaces()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/refunds/")
            .Once(LoopbackResponse.Json(500, """{"error":"InternalServerError","detail":"Internal Server Error"}"""))
            .Always(LoopbackResponse.Json(201, RefundFixtures.PendingPartial));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarServerException>(() => client.Refunds.CreateAsync(
            new RefundCreate { OrderId = RefundFixtures.OneTimeOrderId, Reason = "customer_request", Amount = 1500 }, cancellationToken: Ct));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Single(server.Requests);
        Assert.Equal(1, server.On("POST", "/v1/refunds/").Hits);
    }

    [Fact]
    public async Task A_refund_that_times_out_is_not_repeated_and_says_it_may_have_happened()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/refunds/")
            .Once(LoopbackResponse.Json(201, RefundFixtures.PendingPartial).After(TimeSpan.FromSeconds(5)))
            .Always(LoopbackResponse.Json(201, RefundFixtures.PendingPartial));
        var client = server.CreateClient(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<PolarTimeoutException>(() => client.Refunds.CreateAsync(
            new RefundCreate { OrderId = RefundFixtures.OneTimeOrderId, Reason = "customer_request", Amount = 1500 }, cancellationToken: Ct));

        Assert.Single(server.Requests);
        Assert.Contains("may still have been applied", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refund_is_retried_after_a_429_because_Polar_had_not_acted()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/refunds/").Once(LoopbackResponse.RateLimited(0)).Always(LoopbackResponse.Json(201, RefundFixtures.PendingPartial));
        var client = server.CreateClient();

        var refund = await client.Refunds.CreateAsync(
            new RefundCreate { OrderId = RefundFixtures.OneTimeOrderId, Reason = "customer_request", Amount = 1500 }, cancellationToken: Ct);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1500L, refund.Amount);
    }

    [Fact]
    public async Task Refunding_an_already_refunded_order_surfaces_as_a_403_RefundedAlready()
    {
        const string body = """{"error":"RefundedAlready","detail":"Order is already fully refunded."}""";
        OpenApiSpec.AssertResponseValid("POST", "/v1/refunds/", 403, body);
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/refunds/").Always(LoopbackResponse.Json(403, body));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarPermissionException>(() => client.Refunds.CreateAsync(
            new RefundCreate { OrderId = RefundFixtures.OneTimeOrderId, Reason = "duplicate", Amount = 100 }, cancellationToken: Ct));

        Assert.Equal("RefundedAlready", ex.Error);
    }

    [Fact]
    public async Task Bad_refunds_are_rejected_before_any_request()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var refunds = server.CreateClient().Refunds;
        var fullyRefunded = PolarJson.Deserialize<Order>(Orders.OrderFixtures.DraftOffSession);

        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => refunds.CreateAsync(null!, cancellationToken: Ct))).ParamName);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => refunds.CreateAsync(
            new RefundCreate { OrderId = RefundFixtures.OneTimeOrderId, Reason = "other", Amount = 0 }, cancellationToken: Ct));
        Assert.Equal("order", (await Assert.ThrowsAsync<ArgumentNullException>(() => refunds.RefundInFullAsync(null!, RefundReason.Other, cancellationToken: Ct))).ParamName);
        await Assert.ThrowsAsync<InvalidOperationException>(() => refunds.RefundInFullAsync(fullyRefunded, RefundReason.Other, cancellationToken: Ct));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Every_list_filter_becomes_its_query_parameter()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/refunds/").Always(LoopbackResponse.Json(200, RefundFixtures.Page([RefundFixtures.SucceededFull], 1, 1)));
        var client = server.CreateClient();

        var page = await client.Refunds.ListAsync(
            new RefundListOptions
            {
                Limit = 25,
                Sorting = ["-amount"],
                Id = ["c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f"],
                OrganizationId = ["0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10"],
                OrderId = [RefundFixtures.SubscriptionOrderId, RefundFixtures.OneTimeOrderId],
                SubscriptionId = [RefundFixtures.SubscriptionId],
                CustomerId = [RefundFixtures.CustomerId],
                ExternalCustomerId = ["user_42"],
                Succeeded = false,
            },
            cancellationToken: Ct);

        Assert.Equal(
            [
                new("limit", "25"), new("sorting", "-amount"),
                new("id", "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f"),
                new("organization_id", "0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10"),
                new("order_id", RefundFixtures.SubscriptionOrderId), new("order_id", RefundFixtures.OneTimeOrderId),
                new("subscription_id", RefundFixtures.SubscriptionId),
                new("customer_id", RefundFixtures.CustomerId),
                new("external_customer_id", "user_42"),
                new("succeeded", "false"),
            ],
            Assert.Single(server.Requests).Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(RefundStatus.Succeeded, Assert.Single(page.Items).Status);
    }

    [Fact]
    public async Task Auto_paging_reads_every_refund_of_an_order()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/refunds/").Always(r => LoopbackResponse.Json(200, r.QueryValues("page").Single() == "1"
            ? RefundFixtures.Page([RefundFixtures.PendingPartial], 2, 2)
            : RefundFixtures.Page([RefundFixtures.DisputePrevention], 2, 2)));
        var client = server.CreateClient();

        var reasons = new List<RefundReason>();
        await foreach (var refund in client.Refunds.ListAutoPagingAsync(new RefundListOptions { Limit = 1, OrderId = [RefundFixtures.OneTimeOrderId] }, cancellationToken: Ct))
        {
            reasons.Add(refund.Reason);
        }

        Assert.Equal([RefundReason.CustomerRequest, RefundReason.DisputePrevention], reasons);
        Assert.Equal(["1", "2"], server.Requests.Select(r => r.QueryValues("page").Single()));
        server.AssertAllRequestsMatchSpec();
    }
}
