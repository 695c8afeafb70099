using PolarBilling.Usage;

namespace PolarBilling.AspNetCore.Usage;

/// <summary>What is wrong with <c>Polar:Usage</c>, as messages naming the key to set.</summary>
internal static class UsageOptionsProblems
{
    public static IEnumerable<string> Of(UsageOptions usage)
    {
        if (usage.FlushInterval <= TimeSpan.Zero || usage.FlushInterval > TimeSpan.FromMinutes(5))
        {
            yield return "Polar:Usage:FlushInterval must be between 00:00:00.001 and 00:05:00 (default 00:00:01): unflushed usage lives only in memory.";
        }

        if (usage.SyncInterval <= TimeSpan.Zero)
        {
            yield return "Polar:Usage:SyncInterval must be positive, e.g. '01:00:00' (the default) or '00:00:05' in development.";
        }

        if (usage.WindowLength < TimeSpan.FromMinutes(1) || usage.WindowLength > TimeSpan.FromDays(1) || TimeSpan.FromDays(1).Ticks % usage.WindowLength.Ticks != 0)
        {
            yield return "Polar:Usage:WindowLength must divide a day evenly and be between 00:01:00 and 1.00:00:00, e.g. '01:00:00' (the default).";
        }

        if (usage.PeriodEndLead < TimeSpan.Zero || usage.PeriodEndLead > TimeSpan.FromDays(1))
        {
            yield return "Polar:Usage:PeriodEndLead must be between 0 and 1.00:00:00 (default 00:05:00): usage in that time before a period ends counts toward the next one.";
        }

        if (usage.SyncBatchSize is < 1 or > 1000)
        {
            yield return "Polar:Usage:SyncBatchSize must be between 1 and 1000 (default 500).";
        }

        if (usage.AlertThresholds.Any(t => t is < 1 or > 10_000))
        {
            yield return "Polar:Usage:AlertThresholds are percents of the included units between 1 and 10000, e.g. [80, 100, 150].";
        }

        if (!string.IsNullOrWhiteSpace(usage.AlertEmailFrom) && !System.Net.Mail.MailAddress.TryCreate(usage.AlertEmailFrom, out _))
        {
            yield return "Polar:Usage:AlertEmailFrom is not an email address, e.g. 'billing@example.com'.";
        }

        if (!string.IsNullOrWhiteSpace(usage.AlertWebhookUrl))
        {
            if (!Uri.TryCreate(usage.AlertWebhookUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                yield return "Polar:Usage:AlertWebhookUrl must be an absolute http(s) URL, e.g. 'https://hooks.example.com/usage'.";
            }

            if (string.IsNullOrWhiteSpace(usage.AlertWebhookSecret))
            {
                yield return "Polar:Usage:AlertWebhookSecret is missing: alert webhooks are signed; set a 'whsec_...' secret (e.g. from WebhookSigner.GenerateSecret()).";
            }
            else if (!IsStandardSecret(usage.AlertWebhookSecret))
            {
                yield return "Polar:Usage:AlertWebhookSecret must be 'whsec_' followed by base64 (Standard Webhooks), e.g. from WebhookSigner.GenerateSecret().";
            }
        }
    }

    private static bool IsStandardSecret(string secret)
    {
        try
        {
            _ = new PolarBilling.Client.Webhooks.WebhookSigner(secret, PolarBilling.Client.Webhooks.WebhookKeyScheme.Standard);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
