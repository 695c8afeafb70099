using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

public sealed class WebhookManualDisableTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void Configure(PolarEmulatorOptions options) => options.WebhookRetryTimeScale = FastWebhookRetries;

    [Fact]
    public async Task An_event_waiting_for_its_retry_is_skipped_when_the_endpoint_is_disabled_and_can_be_redelivered_later()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var endpoint = AddWebhookEndpoint(receiver);
        receiver.AnswerWith(WebhookReceiver.Hang);
        var emitted = TestEvents.CustomerCreated(Emulator);
        var first = (await receiver.WaitForAsync(1)).Single();

        // The endpoint is disabled while the first attempt is on the wire; that attempt then fails and its retry is due.
        await Polar.Webhooks.UpdateAsync(endpoint.Id, new() { Enabled = false }, cancellationToken: Ct);
        receiver.ReleaseHanging(500);
        await WaitUntilAsync(() => Emulator.State.Webhooks.Deliveries.Count == 1 && Emulator.State.Webhooks.PendingCount == 0);
        var skipped = (await Polar.Webhooks.ListDeliveriesAsync(cancellationToken: Ct)).Items.Single().WebhookEvent;
        await Polar.Webhooks.EnableAsync(endpoint.Id, cancellationToken: Ct);
        await Polar.Webhooks.RedeliverAsync(first.Id, cancellationToken: Ct);
        var second = (await receiver.WaitForAsync(2))[1];
        await WaitUntilAsync(() => Emulator.State.Webhooks.Deliveries.Count == 2);
        var delivered = (await Polar.Webhooks.ListDeliveriesAsync(cancellationToken: Ct)).Items[0].WebhookEvent;

        Assert.True(skipped.Skipped);
        Assert.Null(skipped.Succeeded);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(emitted.Payload, second.Text);
        Assert.False(delivered.Skipped);
        Assert.True(delivered.Succeeded);
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            lock (Emulator.State.Gate)
            {
                if (condition())
                {
                    return;
                }
            }

            await Task.Delay(20, Ct);
        }

        Assert.Fail("The condition did not hold within 6 s.");
    }
}
