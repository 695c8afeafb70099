using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

public sealed class WebhookRetryTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void Configure(PolarEmulatorOptions options)
    {
        options.WebhookRetryTimeScale = FastWebhookRetries;
        options.WebhookTimeout = TimeSpan.FromMilliseconds(600);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_under_the_same_webhook_id_until_the_endpoint_accepts_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var endpoint = AddWebhookEndpoint(receiver);
        receiver.AnswerWith(500, 503);

        var emitted = TestEvents.CustomerCreated(Emulator);
        var attempts = await receiver.WaitForAsync(3);
        var log = await WaitForLogAsync(endpoint.Id, 3);

        Assert.Equal([500, 503, 200], attempts.Select(a => a.AnsweredStatus));
        Assert.Single(attempts.Select(a => a.Id).Distinct());
        Assert.All(attempts, a => Assert.Equal(emitted.Payload, a.Text));
        Assert.All(attempts, a => Assert.True(a.Verification!.IsValid, a.Verification.ToString()));
        Assert.Equal([200L, 503L, 500L], log.Select(d => d.HttpCode!.Value));
        Assert.Equal([true, false, false], log.Select(d => d.Succeeded));
        Assert.Equal("answered 503", log[1].Response);
        Assert.True(log[0].WebhookEvent.Succeeded);
        Assert.Equal(200, log[0].WebhookEvent.LastHttpCode);
        Assert.Equal(attempts[0].Id, log[0].WebhookEvent.Id);
    }

    [Fact]
    public async Task Polar_gives_up_after_ten_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var endpoint = AddWebhookEndpoint(receiver);
        receiver.DefaultStatus = 500;

        TestEvents.CustomerCreated(Emulator);
        await receiver.WaitForAsync(10);
        var log = await WaitForLogAsync(endpoint.Id, 10);
        await Task.Delay(500, Ct);

        Assert.Equal(10, receiver.Received.Count);
        Assert.All(log, d => Assert.False(d.Succeeded));
        Assert.False(log[0].WebhookEvent.Succeeded);
        Assert.True((await Polar.Webhooks.GetAsync(endpoint.Id, cancellationToken: Ct)).Enabled, "One failed event must not disable the endpoint.");
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failure()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var endpoint = AddWebhookEndpoint(receiver);
        receiver.AnswerWith(307);

        TestEvents.CustomerCreated(Emulator);
        await receiver.WaitForAsync(2);
        var log = await WaitForLogAsync(endpoint.Id, 2);

        Assert.Equal([200L, 307L], log.Select(d => d.HttpCode!.Value));
        Assert.False(log[1].Succeeded);
    }

    [Fact]
    public async Task An_attempt_the_endpoint_does_not_answer_in_time_fails_without_a_status()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var endpoint = AddWebhookEndpoint(receiver);
        receiver.AnswerWith(WebhookReceiver.Hang);

        TestEvents.CustomerCreated(Emulator);
        await receiver.WaitForAsync(2);
        var log = await WaitForLogAsync(endpoint.Id, 2);

        Assert.Null(log[1].HttpCode);
        Assert.Equal("timed out", log[1].Response);
        Assert.False(log[1].Succeeded);
        Assert.True(log[0].Succeeded);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_logged_with_the_error_and_no_status()
    {
        string url;
        await using (var gone = await WebhookReceiver.StartAsync(Ct))
        {
            url = gone.UrlFor("hooks");
        }

        var endpoint = Emulator.AddWebhookEndpoint(url);
        TestEvents.CustomerCreated(Emulator);
        var log = await WaitForLogAsync(endpoint.Id, 1);

        Assert.All(log, d => Assert.Null(d.HttpCode));
        Assert.All(log, d => Assert.False(string.IsNullOrEmpty(d.Response)));
        Assert.All(log, d => Assert.False(d.Succeeded));
    }

    private async Task<List<WebhookDelivery>> WaitForLogAsync(string endpointId, int count)
    {
        for (var i = 0; ; i++)
        {
            var page = await Polar.Webhooks.ListDeliveriesAsync(new() { EndpointId = [endpointId], Limit = 100 }, cancellationToken: Ct);
            if (page.Items.Count >= count || i == 150)
            {
                Assert.True(page.Items.Count >= count, $"Expected {count} deliveries in the log, found {page.Items.Count}.");
                return page.Items;
            }

            await Task.Delay(100, Ct);
        }
    }
}
