using System.Text.Json.Nodes;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

public sealed class WebhookStateTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A retry comes 200-400 s after a failure: it stays scheduled for the whole test.
    protected override void Configure(PolarEmulatorOptions options) => options.WebhookRetryTimeScale = 100;

    [Fact]
    public async Task Export_and_import_round_trip_endpoints_events_and_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver, "hooks", Client.Webhooks.WebhookKeyScheme.Legacy);
        AddWebhookEndpoint(receiver, "other");
        TestEvents.CustomersCreated(Emulator, 3);
        await receiver.WaitForAsync(6);
        await WaitForRecordedAsync(6);
        var (_, deliveriesBefore) = await SendAsync(HttpMethod.Get, "/v1/webhooks/deliveries?limit=100");
        var (_, endpointsBefore) = await SendAsync(HttpMethod.Get, "/v1/webhooks/endpoints");
        var export = await Http.GetStringAsync("/emulator/state", Ct);

        await Http.PostAsync("/emulator/reset", null, Ct);
        using var imported = await Http.PutAsync("/emulator/state", new StringContent(export), Ct);
        var again = await Http.GetStringAsync("/emulator/state", Ct);
        var (_, deliveriesAfter) = await SendAsync(HttpMethod.Get, "/v1/webhooks/deliveries?limit=100");
        var (_, endpointsAfter) = await SendAsync(HttpMethod.Get, "/v1/webhooks/endpoints");

        Assert.Equal(204, (int)imported.StatusCode);
        Assert.Equal(Webhooks(export), Webhooks(again));
        Assert.Equal(6, deliveriesAfter!["items"]!.AsArray().Count);
        Assert.Equal(deliveriesBefore!.ToJsonString(), deliveriesAfter.ToJsonString());
        Assert.Equal(endpointsBefore!.ToJsonString(), endpointsAfter!.ToJsonString());
    }

    [Fact]
    public async Task An_attempt_on_the_wire_at_export_is_made_again_after_the_import_under_the_same_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        receiver.AnswerWith(WebhookReceiver.Hang);
        TestEvents.CustomerCreated(Emulator);
        await receiver.WaitForAsync(1);
        var export = Emulator.ExportState();

        Emulator.Reset();
        Emulator.ImportState(export);
        var attempts = await receiver.WaitForAsync(2);
        await WaitForRecordedAsync(1);

        Assert.Equal(attempts[0].Id, attempts[1].Id);
        Assert.Equal(200, attempts[1].AnsweredStatus);
        Assert.True(attempts[1].Verification!.IsValid);
    }

    [Fact]
    public async Task A_scheduled_retry_survives_export_and_import()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        receiver.AnswerWith(500);
        TestEvents.CustomerCreated(Emulator);
        await WaitForRecordedAsync(1);
        var export = Emulator.ExportState();

        Emulator.Reset();
        var pendingAfterReset = Pending();
        Emulator.ImportState(export);

        Assert.Equal(0, pendingAfterReset);
        Assert.Equal(1, Pending());
    }

    [Fact]
    public async Task Reset_forgets_endpoints_drops_scheduled_retries_and_abandons_attempts_on_the_wire()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver, "failing");
        AddWebhookEndpoint(receiver, "hanging");
        receiver.AnswerWith("failing", 500);
        receiver.AnswerWith("hanging", WebhookReceiver.Hang);
        TestEvents.CustomerCreated(Emulator);
        await WaitForRecordedAsync(1);
        await receiver.WaitForAsync(1, path: "hanging");
        var pendingBefore = Pending();

        var (status, _) = await SendAsync(HttpMethod.Post, "/emulator/reset");
        for (var i = 0; i < 100 && receiver.Aborted == 0; i++)
        {
            await Task.Delay(50, Ct);
        }

        TestEvents.CustomerCreated(Emulator, 2);
        var endpoints = await Polar.Webhooks.ListAsync(cancellationToken: Ct);
        var deliveries = await Polar.Webhooks.ListDeliveriesAsync(cancellationToken: Ct);

        Assert.Equal(204, status);
        Assert.Equal(2, pendingBefore);
        Assert.Equal(0, Pending());
        Assert.Equal(1, receiver.Aborted);
        Assert.Empty(endpoints.Items);
        Assert.Empty(deliveries.Items);
    }

    private static string Webhooks(string export) => JsonNode.Parse(export)!["stores"]!["webhooks"]!.ToJsonString();

    private int Pending()
    {
        lock (Emulator.State.Gate)
        {
            return Emulator.State.Webhooks.PendingCount;
        }
    }

    private async Task WaitForRecordedAsync(int count)
    {
        for (var i = 0; i < 300; i++)
        {
            lock (Emulator.State.Gate)
            {
                if (Emulator.State.Webhooks.Deliveries.Count >= count)
                {
                    return;
                }
            }

            await Task.Delay(20, Ct);
        }

        Assert.Fail($"The emulator did not record {count} deliveries.");
    }
}
