using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.AspNetCore.Usage.Alerts;
using PolarBilling.Client.Webhooks;
using PolarBilling.Usage;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage;

/// <summary>
/// Usage alerts leave the app: an email through SMTP (a real SMTP server on loopback) and a signed webhook (a Kestrel
/// receiver that verifies it), once per threshold crossed.
/// </summary>
public sealed class UsageAlertDeliveryTests
{
    private const string From = "billing@example.test";
    private const string UsagePage = "https://app.example.test/billing/usage";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Crossing_80_and_100_percent_sends_one_email_and_one_signed_webhook_for_each()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var receiver = await WebhookTestReceiver.StartAsync();
        var secret = WebhookSigner.GenerateSecret();
        await using var app = await MeteredTestApp.StartAsync(
            configure: o =>
            {
                o.Usage.AlertEmailFrom = From;
                o.Usage.AlertWebhookUrl = receiver.Url.ToString();
                o.Usage.AlertWebhookSecret = secret;
            },
            services: s =>
            {
                s.Configure<SmtpOptions>(o => (o.Host, o.Port, o.Security) = ("127.0.0.1", smtp.Port, "none"));
                s.Configure<UsageAlertEmailOptions>(o => o.UsagePageUrl = UsagePage);
            });
        var period = await app.SubscribeToApiAsync("ivan");
        var meter = app.Services.GetRequiredService<IUsageMeter>();

        meter.Record("ivan", MeteredTestApp.Meter, 8_000);
        await WaitUntilAsync(() => !smtp.Messages.IsEmpty && !receiver.Deliveries.IsEmpty, "the 80 % email and webhook");
        meter.Record("ivan", MeteredTestApp.Meter, 1_999);
        await MeteredTestApp.WaitForUsedAsync(app.ClientFor("ivan"), 9_999);
        meter.Record("ivan", MeteredTestApp.Meter, 1);
        await WaitUntilAsync(() => smtp.Messages.Count >= 2 && receiver.Deliveries.Count >= 2, "the 100 % email and webhook");

        var emails = smtp.Messages.ToArray();
        Assert.Equal(2, emails.Length);
        Assert.All(emails, e => Assert.Equal((From, TestAuthentication.EmailOf("ivan")), (e.From.Mailboxes.Single().Address, e.To.Mailboxes.Single().Address)));
        Assert.Contains("80 %", emails[0].Subject, StringComparison.Ordinal);
        Assert.Contains("8,000 of 10,000 calls", emails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains(UsagePage, emails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("100 %", emails[1].Subject, StringComparison.Ordinal);
        Assert.Contains("10,000 of 10,000 calls", emails[1].TextBody, StringComparison.Ordinal);
        Assert.Contains("API calls", emails[1].HtmlBody, StringComparison.Ordinal);

        var verifier = new WebhookVerifier(secret, new EmulatorTimeProvider(app.Emulator));
        var deliveries = receiver.Deliveries.ToArray();
        Assert.Equal(2, deliveries.Length);
        Assert.Equal(2, deliveries.Select(d => d.Id).Distinct().Count());
        var thresholds = new List<int>();
        foreach (var delivery in deliveries)
        {
            var verified = verifier.Verify(delivery.Body, delivery.Id, delivery.Timestamp, delivery.Signature);
            Assert.True(verified.IsValid, verified.ToString());
            using var json = JsonDocument.Parse(delivery.Body);
            Assert.Equal("usage.threshold_reached", json.RootElement.GetProperty("type").GetString());
            var data = json.RootElement.GetProperty("data");
            Assert.Equal(("ivan", MeteredTestApp.Meter, MeteredTestApp.Included), (data.GetProperty("user_id").GetString(), data.GetProperty("meter").GetString(), data.GetProperty("included").GetInt64()));
            Assert.Equal(period.PeriodStart, data.GetProperty("period_start").GetDateTimeOffset());
            Assert.Equal(period.PeriodEnd, data.GetProperty("period_end").GetDateTimeOffset());
            thresholds.Add(data.GetProperty("threshold").GetInt32());
        }

        Assert.Equal([80, 100], thresholds.Order());
        var alerts = await app.Services.GetRequiredService<IUsageStore>().ListAlertsAsync("ivan", period.PeriodStart, Ct);
        Assert.Equal([80, 100], alerts.Select(a => a.Threshold).Order());
    }

    [Fact]
    public async Task Alert_email_without_an_smtp_host_or_sender_fails_at_startup_naming_the_settings()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => MeteredTestApp.StartAsync(configure: o => o.Usage.AlertEmailFrom = From));

        Assert.Contains("Polar:Smtp:Host", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_webhook_without_a_secret_fails_at_startup_naming_the_setting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => MeteredTestApp.StartAsync(configure: o => o.Usage.AlertWebhookUrl = "https://hooks.example.test/usage"));

        Assert.Contains("Polar:Usage:AlertWebhookSecret", failure.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(50, Ct);
        }
    }
}
