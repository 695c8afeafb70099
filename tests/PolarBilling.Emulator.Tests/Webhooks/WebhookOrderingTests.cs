using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

/// <summary>
/// Polar's FIFO guard: an event waits while an earlier event of the same endpoint has had no delivery yet (an attempt
/// on the wire counts as none). First attempts therefore go out in emission order, one at a time; an event that
/// failed and waits for its retry holds nothing back, so later events overtake it, as they do on Polar.
/// </summary>
public sealed class WebhookOrderingTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void Configure(PolarEmulatorOptions options)
    {
        // Retries after 1-2 s: long after the other events' first attempts.
        options.WebhookRetryTimeScale = 0.5;
    }

    [Fact]
    public async Task First_attempts_go_out_in_emission_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);

        var emitted = TestEvents.CustomersCreated(Emulator, 8);
        var deliveries = await receiver.WaitForAsync(8);

        Assert.Equal(emitted.Select(e => e.Payload), deliveries.Select(d => d.Text));
    }

    [Fact]
    public async Task A_failing_event_does_not_hold_back_later_events_and_is_retried_after_them()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        receiver.AnswerWith(500);

        var emitted = TestEvents.CustomersCreated(Emulator, 3);
        var deliveries = await receiver.WaitForAsync(4);

        Assert.Equal([0, 1, 2, 0], deliveries.Select(d => emitted.FindIndex(e => e.Payload == d.Text)));
        Assert.Equal(deliveries[0].Id, deliveries[3].Id);
    }

    [Fact]
    public async Task An_event_waits_while_the_first_attempt_of_an_earlier_event_is_on_the_wire()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        receiver.AnswerWith(WebhookReceiver.Hang);

        var emitted = TestEvents.CustomersCreated(Emulator, 2);
        await receiver.WaitForAsync(1);
        await Task.Delay(300, Ct);
        var whileHanging = receiver.Received.Count;
        receiver.ReleaseHanging(200);
        var deliveries = await receiver.WaitForAsync(2);

        Assert.Equal(1, whileHanging);
        Assert.Equal(emitted.Select(e => e.Payload), deliveries.Select(d => d.Text));
    }

    [Fact]
    public async Task Endpoints_are_delivered_to_independently()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver, "slow");
        AddWebhookEndpoint(receiver, "fast");
        receiver.AnswerWith("slow", WebhookReceiver.Hang);

        TestEvents.CustomersCreated(Emulator, 3);
        var fast = await receiver.WaitForAsync(3, path: "fast");
        var slow = receiver.Received.Count(d => d.Path == "slow");
        receiver.ReleaseHanging(200);
        await receiver.WaitForAsync(3, path: "slow");

        Assert.Equal(3, fast.Count);
        Assert.Equal(1, slow);
    }

    [Fact]
    public async Task An_event_created_within_a_minute_of_an_undelivered_event_waits_for_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        receiver.AnswerWith(WebhookReceiver.Hang);

        var first = TestEvents.CustomerCreated(Emulator, 1);
        await receiver.WaitForAsync(1);
        Clock.Advance(TimeSpan.FromSeconds(59));
        var second = TestEvents.CustomerCreated(Emulator, 2);
        await Task.Delay(400, Ct);
        var whileHanging = receiver.Received.Count;
        receiver.ReleaseHanging(200);
        var deliveries = await receiver.WaitForAsync(2);

        Assert.Equal(1, whileHanging);
        Assert.Equal([first.Payload, second.Payload], deliveries.Select(d => d.Text));
    }

    [Fact]
    public async Task An_event_created_more_than_a_minute_after_an_undelivered_event_does_not_wait_for_it()
    {
        // Polar's guard only looks a minute back: on the emulator clock, so a test clock that runs months at once
        // delivers each month's events without waiting for the previous month's.
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        receiver.AnswerWith(WebhookReceiver.Hang);

        var first = TestEvents.CustomerCreated(Emulator, 1);
        await receiver.WaitForAsync(1);
        Clock.Advance(TimeSpan.FromSeconds(61));
        var second = TestEvents.CustomerCreated(Emulator, 2);
        var overtaking = await receiver.WaitForAsync(2);
        receiver.ReleaseHanging(200);

        Assert.Equal([first.Payload, second.Payload], overtaking.Select(d => d.Text));
        Assert.Equal(1, receiver.Received.Count(d => d.Text == second.Payload));
    }

    [Fact]
    public async Task A_run_of_events_behind_an_undelivered_one_is_released_in_order_once_it_is_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        receiver.AnswerWith(WebhookReceiver.Hang);

        var emitted = new List<string> { TestEvents.CustomerCreated(Emulator, 1).Payload };
        await receiver.WaitForAsync(1);
        for (var n = 2; n <= 6; n++)
        {
            // Each within a minute of the one before: the chain holds all of them behind the first.
            Clock.Advance(TimeSpan.FromSeconds(40));
            emitted.Add(TestEvents.CustomerCreated(Emulator, n).Payload);
        }

        await Task.Delay(400, Ct);
        var whileHanging = receiver.Received.Count;
        receiver.ReleaseHanging(200);
        var deliveries = await receiver.WaitForAsync(6);

        Assert.Equal(1, whileHanging);
        Assert.Equal(emitted, deliveries.Select(d => d.Text));
    }
}
