using PolarBilling.AspNetCore.Usage;
using PolarBilling.AspNetCore.Usage.Alerts;
using PolarBilling.Usage;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage;

/// <summary>What the alert email and webhook say, and how Polar:Usage and Polar:Smtp are checked at startup.</summary>
public sealed class UsageAlertMessageTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 5, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_email_names_meter_usage_threshold_period_end_and_escapes_html()
    {
        var alert = new UsageAlertFacts("u1", "api_calls", "API <calls>", "calls", 150, 15_000, 10_000, Start, Start.AddMonths(1), Start.AddDays(9));

        var email = UsageAlertEmailHandler.Compose(alert, "billing@example.test", "u1@example.test", "https://app.example.test/usage?a=1&b=2");

        Assert.Equal(("billing@example.test", "u1@example.test"), (email.From, email.To));
        Assert.Contains("150 %", email.Subject, StringComparison.Ordinal);
        Assert.Contains("15,000 of 10,000 calls", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Apr 5, 2026 09:30 UTC", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://app.example.test/usage?a=1&b=2", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("API &lt;calls&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("usage?a=1&amp;b=2", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_webhook_id_is_stable_per_notification_and_differs_between_notifications()
    {
        var first = UsageAlertWebhookHandler.WebhookIdOf("usage_threshold:u1:api_calls:2026-03-05T09:30:00.0000000+00:00:80");

        Assert.Equal(first, UsageAlertWebhookHandler.WebhookIdOf("usage_threshold:u1:api_calls:2026-03-05T09:30:00.0000000+00:00:80"));
        Assert.NotEqual(first, UsageAlertWebhookHandler.WebhookIdOf("usage_threshold:u1:api_calls:2026-03-05T09:30:00.0000000+00:00:100"));
        Assert.Matches("^msg_[A-Za-z0-9_-]{32}$", first);
    }

    [Fact]
    public void Defaults_are_valid_and_each_bad_usage_setting_is_named()
    {
        Assert.Empty(UsageOptionsProblems.Of(new UsageOptions()));
        var bad = new UsageOptions
        {
            FlushInterval = TimeSpan.Zero,
            SyncInterval = TimeSpan.FromSeconds(-1),
            WindowLength = TimeSpan.FromMinutes(7),
            PeriodEndLead = TimeSpan.FromDays(2),
            SyncBatchSize = 0,
            AlertEmailFrom = "not an address",
            AlertWebhookUrl = "ftp://hooks.example.test",
        };
        bad.AlertThresholds.Add(0);

        var problems = string.Join('\n', UsageOptionsProblems.Of(bad));

        foreach (var key in new[] { "FlushInterval", "SyncInterval", "WindowLength", "PeriodEndLead", "SyncBatchSize", "AlertThresholds", "AlertEmailFrom", "AlertWebhookUrl", "AlertWebhookSecret" })
        {
            Assert.Contains($"Polar:Usage:{key}", problems, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_webhook_secret_that_is_not_standard_webhooks_base64_is_refused()
    {
        var usage = new UsageOptions { AlertWebhookUrl = "https://hooks.example.test/usage", AlertWebhookSecret = "whsec_not base64!" };

        Assert.Contains(UsageOptionsProblems.Of(usage), p => p.Contains("Polar:Usage:AlertWebhookSecret must be", StringComparison.Ordinal));
    }

    [Fact]
    public void Smtp_settings_are_checked_with_the_key_to_fix()
    {
        var validator = new SmtpOptionsValidator();

        Assert.True(validator.Validate(null, new SmtpOptions { Host = "smtp.example.test" }).Succeeded);
        var failures = validator.Validate(null, new SmtpOptions { Host = "smtp.example.test", Security = "tls1", Port = 0, UserName = "me" }).Failures!;
        Assert.Contains(failures, f => f.Contains("Polar:Smtp:Security", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Polar:Smtp:Port", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Polar:Smtp:Password", StringComparison.Ordinal));
        Assert.Equal(465, new SmtpOptions { Security = "ssl" }.EffectivePort);
    }
}
