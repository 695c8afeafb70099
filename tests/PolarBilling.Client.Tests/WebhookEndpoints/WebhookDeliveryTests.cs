using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.WebhookEndpoints;

/// <summary>Delivery history with every filter, and redelivery of a failed event (202).</summary>
public sealed class WebhookDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_delivery_filter_becomes_its_query_parameter()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/webhooks/deliveries").Always(LoopbackResponse.Json(200, WebhookEndpointFixtures.Page([WebhookEndpointFixtures.DeliveryFailed], 1, 1)));
        var client = server.CreateClient();

        var page = await client.Webhooks.ListDeliveriesAsync(
            new WebhookDeliveryListOptions
            {
                Limit = 100,
                EndpointId = [WebhookEndpointFixtures.EndpointId],
                StartTimestamp = DateTimeOffset.Parse("2026-03-01T00:00:00Z"),
                EndTimestamp = DateTimeOffset.Parse("2026-03-02T00:00:00Z"),
                Succeeded = false,
                Query = "subscription",
                HttpCodeClass = WebhookHttpCodeClass.ServerError,
                EventType = [WebhookEventType.SubscriptionUpdated, WebhookEventType.OrderPaid],
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/webhooks/deliveries", request.Path);
        Assert.Equal(
            [
                new("limit", "100"),
                new("endpoint_id", WebhookEndpointFixtures.EndpointId),
                new("start_timestamp", "2026-03-01T00:00:00.000000Z"),
                new("end_timestamp", "2026-03-02T00:00:00.000000Z"),
                new("succeeded", "false"),
                new("query", "subscription"),
                new("http_code_class", "5xx"),
                new("event_type", "subscription.updated"), new("event_type", "order.paid"),
            ],
            request.Query);
        server.AssertAllRequestsMatchSpec();
        var delivery = Assert.Single(page.Items);
        Assert.Equal((503L, WebhookEndpointFixtures.FailedEventId), (delivery.HttpCode, delivery.WebhookEvent.Id));
    }

    [Fact]
    public async Task Auto_paging_reads_every_failed_delivery()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/webhooks/deliveries").Always(r => LoopbackResponse.Json(200, r.QueryValues("page").Single() switch
        {
            "1" => WebhookEndpointFixtures.Page([WebhookEndpointFixtures.DeliveryFailed], 2, 2),
            _ => WebhookEndpointFixtures.Page([WebhookEndpointFixtures.DeliveryNoAnswerArchived], 2, 2),
        }));
        var client = server.CreateClient();

        var events = new List<string>();
        await foreach (var delivery in client.Webhooks.ListDeliveriesAutoPagingAsync(new WebhookDeliveryListOptions { Succeeded = false, Limit = 1 }, cancellationToken: Ct))
        {
            events.Add(delivery.WebhookEvent.Id);
        }

        Assert.Equal([WebhookEndpointFixtures.FailedEventId, "b3c4d5e6-f7a8-4b9c-8d0e-2f3a4b5c6d7e"], events);
        Assert.All(server.Requests, r => Assert.Equal(["false"], r.QueryValues("succeeded")));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Redeliver_posts_to_the_event_and_accepts_the_202()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/webhooks/events/{id}/redeliver").Always(LoopbackResponse.Json(202, "{}"));
        var client = server.CreateClient();

        await client.Webhooks.RedeliverAsync(WebhookEndpointFixtures.FailedEventId, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", $"/v1/webhooks/events/{WebhookEndpointFixtures.FailedEventId}/redeliver"), (request.Method, request.Path));
        Assert.Null(request.BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Redelivering_an_unknown_event_surfaces_as_not_found()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/webhooks/events/{id}/redeliver").Always(LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""));
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarNotFoundException>(() => client.Webhooks.RedeliverAsync(WebhookEndpointFixtures.FailedEventId, cancellationToken: Ct));

        Assert.Single(server.Requests);
    }
}
