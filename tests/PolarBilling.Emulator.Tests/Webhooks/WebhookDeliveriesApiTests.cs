using System.Globalization;
using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

public sealed class WebhookDeliveriesApiTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void Configure(PolarEmulatorOptions options) => options.WebhookRetryTimeScale = FastWebhookRetries;

    [Fact]
    public async Task Redelivering_sends_the_same_event_id_and_payload_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var endpoint = AddWebhookEndpoint(receiver);
        var emitted = TestEvents.CustomerCreated(Emulator);
        var first = (await receiver.WaitForAsync(1)).Single();
        var eventId = (await LogAsync(new() { EndpointId = [endpoint.Id] }, 1))[0].WebhookEvent.Id;

        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/events/{eventId}/redeliver");
        await Polar.Webhooks.RedeliverAsync(eventId, cancellationToken: Ct);
        var deliveries = await receiver.WaitForAsync(3);
        var log = await LogAsync(new() { EndpointId = [endpoint.Id] }, 3);

        Assert.Equal(202, status);
        Assert.Null(body);
        Assert.Equal(eventId, first.Id);
        Assert.All(deliveries, d => Assert.Equal(eventId, d.Id));
        Assert.All(deliveries, d => Assert.Equal(emitted.Payload, d.Text));
        Assert.All(deliveries, d => Assert.True(d.Verification!.IsValid, d.Verification.ToString()));
        Assert.All(log, d => Assert.True(d.Succeeded));
    }

    [Fact]
    public async Task Redelivering_an_unknown_event_is_polars_404()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/events/{Guid.NewGuid()}/redeliver");
        var (invalid, _) = await SendAsync(HttpMethod.Post, "/v1/webhooks/events/42/redeliver");

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFound", body!["error"]!.GetValue<string>());
        Assert.Equal(422, invalid);
    }

    [Fact]
    public async Task The_delivery_log_shows_each_attempt_newest_first_with_its_event_and_payload()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var endpoint = AddWebhookEndpoint(receiver);
        receiver.AnswerWith(500);

        var emitted = TestEvents.CustomerCreated(Emulator);
        await receiver.WaitForAsync(2);
        var (status, page) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/deliveries?endpoint_id={endpoint.Id}");

        Assert.Equal(200, status);
        var items = page!["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal([200, 500], items.Select(i => i!["http_code"]!.GetValue<int>()));
        Assert.Equal(emitted.Payload, items[0]!["webhook_event"]!["payload"]!.GetValue<string>());
        Assert.Equal("customer.created", items[0]!["webhook_event"]!["type"]!.GetValue<string>());
        Assert.Equal(receiver.Received[0].Id, items[1]!["webhook_event"]!["id"]!.GetValue<string>());
        Assert.Equal(2, page["pagination"]!["total_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_delivery_log_filters_as_polars_does()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var all = AddWebhookEndpoint(receiver, "all");
        var updates = AddWebhookEndpoint(receiver, "updates", events: Client.Webhooks.WebhookEventTypes.CustomerUpdated);
        receiver.AnswerWith("all", 500);
        var start = Clock.GetUtcNow();
        TestEvents.CustomerCreated(Emulator);
        await LogAsync(new() { EndpointId = [all.Id] }, 2);
        Clock.Advance(TimeSpan.FromHours(1));
        TestEvents.CustomerUpdated(Emulator);
        await LogAsync(new(), 4);
        var createdEventId = (await LogAsync(new() { Succeeded = false }, 1))[0].WebhookEvent.Id;
        var half = start.AddMinutes(30);

        Assert.Single(await LogAsync(new() { EndpointId = [updates.Id] }));
        Assert.Single(await LogAsync(new() { Succeeded = false }));
        Assert.Single(await LogAsync(new() { HttpCodeClass = WebhookHttpCodeClass.ServerError }));
        Assert.Equal(3, (await LogAsync(new() { HttpCodeClass = WebhookHttpCodeClass.Success })).Count);
        Assert.Equal(2, (await LogAsync(new() { EventType = [new("customer.updated")] })).Count);
        Assert.Equal(2, (await LogAsync(new() { StartTimestamp = half })).Count);
        Assert.Equal(2, (await LogAsync(new() { EndTimestamp = half })).Count);
        // Polar's query is a substring of the delivery id, the event id or the status, so ids may match too.
        var everything = await LogAsync(new(), 4);
        var prefix = createdEventId[..8];
        Assert.Equal(everything.Count(d => Found(d, "500")), (await LogAsync(new() { Query = "500" }, 1)).Count);
        Assert.Equal(everything.Count(d => Found(d, prefix)), (await LogAsync(new() { Query = prefix.ToUpper(CultureInfo.InvariantCulture) }, 2)).Count);
    }

    [Theory]
    [InlineData("http_code_class=6xx", "literal_error")]
    [InlineData("event_type=order.shipped", "enum")]
    [InlineData("succeeded=maybe", "bool_parsing")]
    [InlineData("endpoint_id=nope", "uuid_parsing")]
    [InlineData("start_timestamp=yesterday", "datetime_from_date_parsing")]
    public async Task A_bad_filter_is_a_422_naming_the_parameter(string query, string type)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/deliveries?{query}");

        Assert.Equal(422, status);
        Assert.Equal(type, body!["detail"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(query[..query.IndexOf('=', StringComparison.Ordinal)], body["detail"]![0]!["loc"]![1]!.GetValue<string>());
    }

    private static bool Found(WebhookDelivery delivery, string text) =>
        delivery.Id.Contains(text, StringComparison.OrdinalIgnoreCase) || delivery.WebhookEvent.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (delivery.HttpCode?.ToString(CultureInfo.InvariantCulture).Contains(text, StringComparison.Ordinal) ?? false);

    private async Task<List<WebhookDelivery>> LogAsync(WebhookDeliveryListOptions options, int atLeast = 0)
    {
        options.Limit = 100;
        for (var i = 0; ; i++)
        {
            var page = await Polar.Webhooks.ListDeliveriesAsync(options, cancellationToken: Ct);
            if (page.Items.Count >= atLeast || i == 150)
            {
                Assert.True(page.Items.Count >= atLeast, $"Expected {atLeast} deliveries, found {page.Items.Count}.");
                return page.Items;
            }

            await Task.Delay(100, Ct);
        }
    }
}
