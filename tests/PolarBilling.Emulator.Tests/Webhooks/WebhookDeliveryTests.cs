using System.Globalization;
using System.Text;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

public sealed class WebhookDeliveryTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(WebhookKeyScheme.Standard)]
    [InlineData(WebhookKeyScheme.Legacy)]
    public async Task A_delivery_is_the_exact_emitted_payload_signed_with_the_endpoints_key_scheme(WebhookKeyScheme scheme)
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver, keyScheme: scheme);

        var emitted = TestEvents.CustomerCreated(Emulator);
        var delivery = (await receiver.WaitForAsync(1)).Single();

        AssertWebhooks("customer.created");
        Assert.Equal(Encoding.UTF8.GetBytes(emitted.Payload), delivery.Body);
        Assert.True(delivery.Verification!.IsValid, delivery.Verification.ToString());
        Assert.Equal(scheme, delivery.Verification.MatchedKeyScheme);
        Assert.Equal("polar.sh webhooks", delivery.Headers["user-agent"]);
        Assert.Equal("application/json", delivery.Headers["content-type"]);
        Assert.Equal("2026-04", delivery.Headers["webhook-api-version"]);
        Assert.True(Guid.TryParse(delivery.Id, out var id) && id.Version == 4, delivery.Id);
        Assert.Matches(@"^v1,[A-Za-z0-9+/]{43}=$", delivery.Headers["webhook-signature"]);
    }

    [Fact]
    public async Task The_signature_timestamp_is_real_time_while_the_envelope_keeps_emulator_time()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        Clock.Advance(TimeSpan.FromDays(40));

        TestEvents.CustomerCreated(Emulator);
        var delivery = (await receiver.WaitForAsync(1)).Single();

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(delivery.Headers["webhook-timestamp"], CultureInfo.InvariantCulture));
        Assert.InRange(signedAt, delivery.ReceivedAt.AddSeconds(-5), delivery.ReceivedAt.AddSeconds(1));
        Assert.Equal(Clock.GetUtcNow(), delivery.Parse().Timestamp);
    }

    [Fact]
    public async Task Every_subscribed_endpoint_gets_the_event_under_its_own_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var first = AddWebhookEndpoint(receiver, "first");
        var second = AddWebhookEndpoint(receiver, "second");

        var emitted = TestEvents.CustomerCreated(Emulator);
        var deliveries = await receiver.WaitForAsync(2);

        Assert.NotEqual(first.Secret, second.Secret);
        Assert.Equal(["first", "second"], deliveries.Select(d => d.Path).Order());
        Assert.All(deliveries, d => Assert.Equal(emitted.Payload, d.Text));
        Assert.All(deliveries, d => Assert.True(d.Verification!.IsValid, d.Verification.ToString()));
        Assert.NotEqual(deliveries[0].Id, deliveries[1].Id);
    }

    [Fact]
    public async Task An_endpoint_receives_only_the_event_types_it_subscribed_to()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver, "everything");
        AddWebhookEndpoint(receiver, "updates", events: WebhookEventTypes.CustomerUpdated);

        TestEvents.CustomerCreated(Emulator);
        TestEvents.CustomerUpdated(Emulator);
        await receiver.WaitForAsync(2, path: "everything");
        await receiver.WaitForAsync(1, path: "updates");
        await Task.Delay(200, Ct);

        var updates = receiver.Received.Where(d => d.Path == "updates").ToList();
        Assert.Equal(["customer.updated"], updates.Select(d => d.Parse().Type));
    }

    [Fact]
    public async Task A_disabled_endpoint_gets_no_event_at_all()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver, "on");
        var off = AddWebhookEndpoint(receiver, "off");
        await Polar.Webhooks.UpdateAsync(off.Id, new() { Enabled = false }, cancellationToken: Ct);

        TestEvents.CustomerCreated(Emulator);
        await receiver.WaitForAsync(1, path: "on");
        await Task.Delay(200, Ct);

        Assert.DoesNotContain(receiver.Received, d => d.Path == "off");
        var log = await Polar.Webhooks.ListDeliveriesAsync(new() { EndpointId = [off.Id] }, cancellationToken: Ct);
        Assert.Empty(log.Items);
    }

    [Fact]
    public async Task A_hanging_endpoint_never_holds_up_the_api()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        receiver.AnswerWith(WebhookReceiver.Hang);

        TestEvents.CustomerCreated(Emulator);
        await receiver.WaitForAsync(1);
        var endpoints = await Polar.Webhooks.ListAsync(cancellationToken: Ct);
        TestEvents.CustomerUpdated(Emulator);
        int recorded;
        lock (Emulator.State.Gate)
        {
            recorded = Emulator.State.Webhooks.Deliveries.Count;
        }

        // The attempt hangs until the 10 s timeout; the API answered while it was still on the wire.
        Assert.Single(endpoints.Items);
        Assert.Equal(0, recorded);
        receiver.ReleaseHanging(200);
    }

    [Fact]
    public async Task A_discord_endpoint_gets_a_signed_chat_message_instead_of_the_raw_envelope()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var created = await Polar.Webhooks.CreateAsync(
            new() { Url = receiver.UrlFor("discord"), Format = Client.WebhookFormat.Discord, Events = [new(WebhookEventTypes.CustomerCreated)] },
            cancellationToken: Ct);
        receiver.UseSecret(created.Secret, "discord");

        TestEvents.CustomerCreated(Emulator, 7);
        var delivery = (await receiver.WaitForAsync(1)).Single();
        var message = System.Text.Json.Nodes.JsonNode.Parse(delivery.Text)!;

        Assert.True(delivery.Verification!.IsValid, delivery.Verification.ToString());
        Assert.Equal("customer.created", message["content"]!.GetValue<string>());
        Assert.Equal("d4e5f6a7-b8c9-4d0e-9f1a-000000000007", message["embeds"]![0]!["fields"]![0]!["value"]!.GetValue<string>());
    }
}
