using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

/// <summary>Polar's <c>on_event_failed</c>: when the 10 most recent completed events of an endpoint all failed, it is disabled.</summary>
public sealed class WebhookAutoDisableTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void Configure(PolarEmulatorOptions options) => options.WebhookRetryTimeScale = FastWebhookRetries;

    [Fact]
    public async Task Ten_events_failing_for_good_disable_the_endpoint_and_skip_its_pending_events()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var endpoint = AddWebhookEndpoint(receiver);
        receiver.DefaultStatus = 500;

        TestEvents.CustomersCreated(Emulator, 12);
        await WaitUntilAsync(async () => !(await Polar.Webhooks.GetAsync(endpoint.Id, cancellationToken: Ct)).Enabled);
        await Task.Delay(300, Ct);
        var events = (await DeliveriesAsync(endpoint.Id)).GroupBy(d => d.WebhookEvent.Id).Select(g => g.First().WebhookEvent).ToList();

        Assert.Equal(12, events.Count);
        Assert.Equal(10, events.Count(e => e.Succeeded == false && !e.Skipped));
        Assert.Equal(2, events.Count(e => e.Skipped));
        var delivered = receiver.Received.Count;
        TestEvents.CustomerCreated(Emulator, 13);
        await Task.Delay(300, Ct);
        Assert.Equal(delivered, receiver.Received.Count);
    }

    [Fact]
    public async Task A_success_among_the_ten_most_recent_events_keeps_the_endpoint_enabled()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var endpoint = AddWebhookEndpoint(receiver);
        receiver.DefaultStatus = 500;

        TestEvents.CustomersCreated(Emulator, 9);
        await receiver.WaitForAsync(90);
        receiver.DefaultStatus = 200;
        TestEvents.CustomerCreated(Emulator, 10);
        await receiver.WaitForAsync(91);
        receiver.DefaultStatus = 500;
        foreach (var n in Enumerable.Range(11, 9))
        {
            TestEvents.CustomerCreated(Emulator, n);
        }

        await receiver.WaitForAsync(181);
        await WaitUntilAsync(async () => (await DeliveriesAsync(endpoint.Id)).Count == 181);
        Assert.True((await Polar.Webhooks.GetAsync(endpoint.Id, cancellationToken: Ct)).Enabled);

        TestEvents.CustomerCreated(Emulator, 20);
        await WaitUntilAsync(async () => !(await Polar.Webhooks.GetAsync(endpoint.Id, cancellationToken: Ct)).Enabled);
    }

    [Fact]
    public async Task A_disabled_endpoint_enabled_again_receives_new_events()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var endpoint = AddWebhookEndpoint(receiver);
        receiver.DefaultStatus = 500;
        TestEvents.CustomersCreated(Emulator, 10);
        await WaitUntilAsync(async () => !(await Polar.Webhooks.GetAsync(endpoint.Id, cancellationToken: Ct)).Enabled);
        receiver.DefaultStatus = 200;

        var enabled = await Polar.Webhooks.EnableAsync(endpoint.Id, cancellationToken: Ct);
        var emitted = TestEvents.CustomerCreated(Emulator, 11);
        await receiver.WaitForAsync(101);

        Assert.True(enabled.Enabled);
        Assert.Equal(emitted.Payload, receiver.Received[^1].Text);
        Assert.Equal(200, receiver.Received[^1].AnsweredStatus);
    }

    private async Task<List<WebhookDelivery>> DeliveriesAsync(string endpointId)
    {
        var all = new List<WebhookDelivery>();
        await foreach (var delivery in Polar.Webhooks.ListDeliveriesAutoPagingAsync(new() { EndpointId = [endpointId], Limit = 100 }, cancellationToken: Ct))
        {
            all.Add(delivery);
        }

        return all;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail("The condition did not hold within 15 s.");
    }
}
