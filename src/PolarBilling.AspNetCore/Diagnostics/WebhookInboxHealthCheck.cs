using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PolarBilling.Diagnostics;

namespace PolarBilling.AspNetCore.Diagnostics;

/// <summary><c>polar-billing-webhook-inbox</c>: how many events wait for projection and for how long.</summary>
internal sealed class WebhookInboxHealthCheck(IServiceProvider services, TimeProvider time, IOptionsMonitor<PolarBillingHealthCheckOptions> options)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (inbox, failure) = await InboxHealthRead.ReadAsync(services, context, cancellationToken).ConfigureAwait(false);
        if (inbox is null)
        {
            return failure;
        }

        var settings = options.CurrentValue;
        var age = inbox.OldestPendingReceivedAt is { } oldest ? time.GetUtcNow() - oldest : TimeSpan.Zero;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["pending"] = inbox.Pending,
            ["retrying"] = inbox.Retrying,
            ["oldest_pending_age_seconds"] = Math.Round(age.TotalSeconds, 1),
            ["max_pending"] = settings.MaxPendingWebhooks,
            ["max_pending_age_seconds"] = settings.MaxPendingWebhookAge.TotalSeconds,
        };
        if (inbox.OldestPendingReceivedAt is { } received)
        {
            data["oldest_pending_received_at"] = received;
        }

        var problems = new List<string>(2);
        if (inbox.Pending > settings.MaxPendingWebhooks)
        {
            problems.Add($"{inbox.Pending} webhook events wait for projection (more than {settings.MaxPendingWebhooks})");
        }

        if (age > settings.MaxPendingWebhookAge)
        {
            problems.Add($"the oldest pending event was received {age.TotalSeconds:0} s ago (more than {settings.MaxPendingWebhookAge.TotalSeconds:0} s)");
        }

        if (problems.Count == 0)
        {
            return HealthCheckResult.Healthy($"{inbox.Pending} webhook events pending ({inbox.Retrying} retrying).", data);
        }

        return HealthCheckResult.Degraded(
            string.Join("; ", problems) + $". {inbox.Retrying} of them are retrying after a failure. Check that the billing dispatch worker runs and the logs for projection errors.",
            data: data);
    }
}
