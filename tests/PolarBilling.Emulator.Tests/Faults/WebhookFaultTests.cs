using System.Text.Json.Nodes;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Faults;

/// <summary>Webhook delivery faults as a real receiver sees them: duplicated, reordered, dropped and delayed deliveries.</summary>
public sealed class WebhookFaultTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Duplicate_delivers_the_same_webhook_id_twice()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        await FaultControl.AddAsync(Http, """{"target":"webhooks","action":"duplicate","count":1}""");

        var emitted = TestEvents.CustomersCreated(Emulator, 2);
        var deliveries = await receiver.WaitForAsync(3);

        var first = deliveries.Where(d => d.Text == emitted[0].Payload).ToList();
        Assert.Equal(2, first.Count);
        Assert.Equal(first[0].Id, first[1].Id);
        Assert.Single(deliveries, d => d.Text == emitted[1].Payload);
        Assert.All(deliveries, d => Assert.True(d.Verification!.IsValid));
    }

    [Fact]
    public async Task Reorder_makes_the_receiver_see_events_in_another_order_than_emitted()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        await FaultControl.AddAsync(Http, """{"target":"webhooks","action":"reorder","count":1}""");

        TestEvents.CustomersCreated(Emulator, 3);
        var deliveries = await receiver.WaitForAsync(3);

        var emitted = (await GetControlAsync("/emulator/webhooks/emitted"))!["items"]!.AsArray();
        var sequenceOf = emitted.ToDictionary(e => (string)e!["payload"]!, e => (long)e!["sequence"]!);
        Assert.Equal([2L, 1L, 3L], deliveries.Select(d => sequenceOf[d.Text]));
    }

    [Fact]
    public async Task Drop_loses_the_event_for_good_yet_a_redelivery_still_sends_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        await FaultControl.AddAsync(Http, """{"target":"webhooks","action":"drop","count":1}""");

        var emitted = TestEvents.CustomersCreated(Emulator, 3);
        await receiver.WaitForAsync(2);
        await Task.Delay(500, Ct);
        var received = receiver.Received;
        var entry = (await FaultControl.LogAsync(Http)).Single();

        Assert.Equal(2, received.Count);
        Assert.Equal(emitted.Skip(1).Select(e => e.Payload), received.Select(d => d.Text));
        Assert.Equal("drop", (string?)entry["action"]);
        Assert.Equal(1, (long)entry["emitted_sequence"]!);

        var (status, _) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/events/{entry["webhook_id"]}/redeliver");
        var after = await receiver.WaitForAsync(3);
        Assert.Equal(202, status);
        Assert.Equal(emitted[0].Payload, after[2].Text);
    }

    [Fact]
    public async Task Delay_holds_the_delivery_back_at_least_its_milliseconds()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        await FaultControl.AddAsync(Http, """{"target":"webhooks","action":"delay","delay_ms":400}""");

        var started = TimeProvider.System.GetTimestamp();
        TestEvents.CustomerCreated(Emulator);
        var delivery = (await receiver.WaitForAsync(1)).Single();

        var waited = TimeProvider.System.GetElapsedTime(started, delivery.Timestamp);
        Assert.True(waited >= TimeSpan.FromMilliseconds(400), $"Delivered after only {waited}.");
    }

    [Fact]
    public async Task Event_types_limit_a_rule_to_those_events()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        await FaultControl.AddAsync(Http, """{"target":"webhooks","action":"drop","event_types":["customer.updated"]}""");

        TestEvents.CustomerUpdated(Emulator, 1);
        var created = TestEvents.CustomerCreated(Emulator, 2);
        var deliveries = await receiver.WaitForAsync(1);
        await Task.Delay(300, Ct);

        Assert.Equal([created.Payload], receiver.Received.Select(d => d.Text));
        Assert.Equal("customer.updated", (string?)(await FaultControl.LogAsync(Http)).Single()["event_type"]);
        Assert.Single(deliveries);
    }

    [Fact]
    public async Task The_rule_view_counts_matches_and_firings()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        var rule = await FaultControl.AddAsync(Http, """{"target":"webhooks","action":"drop","count":2}""");

        TestEvents.CustomersCreated(Emulator, 4);
        await receiver.WaitForAsync(2);
        JsonNode view = await FaultControl.RuleAsync(Http, (string)rule["id"]!);

        Assert.Equal(2, (long)view["fired"]!);
        Assert.Equal(2, (long)view["matched"]!);
        Assert.False((bool)view["active"]!);
    }
}
