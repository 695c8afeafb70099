using System.Net;
using PolarBilling.Client.Tests.Infrastructure;
using PolarBilling.Client.Tests.Subscriptions;
using PolarBilling.Client.Tests.Conformance;
using Xunit;

namespace PolarBilling.Client.Tests.Orders;

/// <summary>Draft orders and their finalization move money: sent once, never repeated after a 5xx or a timeout.</summary>
public sealed class OrderPaymentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_posts_a_draft_order_for_an_off_session_charge()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/orders/").Always(LoopbackResponse.Json(201, OrderFixtures.DraftOffSession));
        var client = server.CreateClient();

        var order = await client.Orders.CreateAsync(
            new OrderCreate
            {
                CustomerId = OrderFixtures.CustomerId,
                ProductId = OrderFixtures.EbookId,
                Amount = 25000,
                Currency = "usd",
                Description = "Onboarding workshop",
                Metadata = new() { ["quote"] = "Q-2026-031" },
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/orders/"), (request.Method, request.Path));
        ExactJson.Equal(
            $$$"""{"customer_id":"{{{OrderFixtures.CustomerId}}}","product_id":"{{{OrderFixtures.EbookId}}}","amount":25000,"currency":"usd","description":"Onboarding workshop","metadata":{"quote":"Q-2026-031"}}""",
            request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((OrderStatus.Draft, false, 25000L), (order.Status, order.Paid, order.DueAmount));
    }

    [Fact]
    public async Task Create_is_sent_once_even_when_Polar_answers_500()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/orders/").Once(LoopbackResponse.Json(500, """{"detail":"boom"}""")).Always(LoopbackResponse.Json(201, OrderFixtures.DraftOffSession));
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarServerException>(() => client.Orders.CreateAsync(
            new OrderCreate { CustomerId = OrderFixtures.CustomerId, ProductId = OrderFixtures.EbookId }, cancellationToken: Ct));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Finalize_without_a_payment_method_posts_an_empty_object()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/orders/{id}/finalize").Always(LoopbackResponse.Json(200, OrderFixtures.PaidSubscriptionCreate));
        var client = server.CreateClient();

        var order = await client.Orders.FinalizeAsync(OrderFixtures.DraftId, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", $"/v1/orders/{OrderFixtures.DraftId}/finalize"), (request.Method, request.Path));
        ExactJson.Equal("{}", request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.True(order.Paid);
    }

    [Fact]
    public async Task Finalize_with_a_payment_method_sends_it()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/orders/{id}/finalize").Always(LoopbackResponse.Json(200, OrderFixtures.PaidSubscriptionCreate));
        var client = server.CreateClient();

        await client.Orders.FinalizeAsync(OrderFixtures.DraftId, new OrderFinalize { PaymentMethodId = "b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e" }, cancellationToken: Ct);

        ExactJson.Equal("""{"payment_method_id":"b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e"}""", Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Theory]
    [InlineData("500")]
    [InlineData("timeout")]
    public async Task Finalize_is_never_repeated_after_an_ambiguous_failure(string failure)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var first = failure == "500"
            ? LoopbackResponse.Json(500, """{"detail":"boom"}""")
            : LoopbackResponse.Json(200, OrderFixtures.PaidSubscriptionCreate).After(TimeSpan.FromSeconds(5));
        server.On("POST", "/v1/orders/{id}/finalize").Once(first).Always(LoopbackResponse.Json(200, OrderFixtures.PaidSubscriptionCreate));
        var client = server.CreateClient(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAnyAsync<PolarException>(() => client.Orders.FinalizeAsync(OrderFixtures.DraftId, cancellationToken: Ct));

        Assert.IsType(failure == "500" ? typeof(PolarServerException) : typeof(PolarTimeoutException), ex);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_declined_off_session_charge_surfaces_as_a_402_PaymentFailed()
    {
        const string body = """{"error":"PaymentFailed","detail":"Your card has insufficient funds."}""";
        OpenApiSpec.AssertResponseValid("POST", $"/v1/orders/{OrderFixtures.DraftId}/finalize", 402, body);
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/orders/{id}/finalize").Always(LoopbackResponse.Json(402, body));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarPaymentFailedException>(() => client.Orders.FinalizeAsync(OrderFixtures.DraftId, cancellationToken: Ct));

        Assert.Equal((HttpStatusCode.PaymentRequired, "PaymentFailed"), (ex.StatusCode, ex.Error));
    }

    [Fact]
    public async Task Finalizing_an_order_that_is_not_a_draft_surfaces_as_a_412()
    {
        const string body = """{"error":"OrderNotDraft","detail":"Order is not a draft."}""";
        OpenApiSpec.AssertResponseValid("POST", $"/v1/orders/{OrderFixtures.PaidId}/finalize", 412, body);
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/orders/{id}/finalize").Always(LoopbackResponse.Json(412, body));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarApiException>(() => client.Orders.FinalizeAsync(OrderFixtures.PaidId, cancellationToken: Ct));

        Assert.Equal((HttpStatusCode.PreconditionFailed, "OrderNotDraft"), (ex.StatusCode, ex.Error));
    }
}
