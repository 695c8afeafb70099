using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PolarBilling.Diagnostics;

namespace PolarBilling.AspNetCore.Diagnostics;

/// <summary><c>polar-billing-dead-letters</c>: webhook events that failed every attempt and wait for a replay.</summary>
internal sealed class DeadLetterHealthCheck(IServiceProvider services, IOptionsMonitor<PolarBillingHealthCheckOptions> options) : IHealthCheck
{
    private const int MaxErrorLength = 300;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (inbox, failure) = await InboxHealthRead.ReadAsync(services, context, cancellationToken).ConfigureAwait(false);
        if (inbox is null)
        {
            return failure;
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["dead_lettered"] = inbox.DeadLettered };
        if (inbox.DeadLettered == 0 || inbox.LatestDeadLetter is not { } latest)
        {
            return HealthCheckResult.Healthy("No webhook event is dead-lettered.", data);
        }

        var error = latest.LastError is null ? "no error recorded"
            : latest.LastError.Length > MaxErrorLength ? latest.LastError[..MaxErrorLength] + "…" : latest.LastError;
        data["latest_webhook_id"] = latest.WebhookId;
        data["latest_type"] = latest.Type;
        data["latest_attempts"] = latest.Attempts;
        data["latest_error"] = error;
        if (latest.DeadLetteredAt is { } at)
        {
            data["latest_dead_lettered_at"] = at;
        }

        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{inbox.DeadLettered} webhook event(s) dead-lettered; the latest is {latest.WebhookId} ({latest.Type}) after {latest.Attempts} attempt(s): {error}. {HealthCheckMessages.ReplayHint}");
        return new HealthCheckResult(options.CurrentValue.DeadLetterStatus, description, data: data);
    }
}
