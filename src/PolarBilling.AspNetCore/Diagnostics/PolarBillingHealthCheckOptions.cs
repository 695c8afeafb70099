using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PolarBilling.AspNetCore.Diagnostics;

/// <summary>
/// Thresholds of the <c>polar-billing</c> health checks, bound to <c>Polar:HealthChecks</c>. Every check reports its
/// numbers in <see cref="HealthCheckResult.Data"/>, whatever its status.
/// </summary>
public sealed class PolarBillingHealthCheckOptions
{
    /// <summary>The configuration section bound by default.</summary>
    public const string SectionName = "Polar:HealthChecks";

    /// <summary>
    /// <c>polar-billing-webhook-inbox</c> is Degraded when more events than this wait for projection. Default 1,000
    /// (the dispatcher projects thousands a second, so a backlog this long means it is stuck or far behind).
    /// </summary>
    public long MaxPendingWebhooks { get; set; } = 1000;

    /// <summary>
    /// <c>polar-billing-webhook-inbox</c> is Degraded when the oldest pending event was received longer ago than this.
    /// Default 5 minutes: longer than a few retries of one failing event, shorter than customers notice.
    /// </summary>
    public TimeSpan MaxPendingWebhookAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// What <c>polar-billing-dead-letters</c> reports while any event is dead-lettered. Default
    /// <see cref="HealthStatus.Degraded"/>: the app still serves, but some billing state is behind until the event is
    /// replayed. Use <see cref="HealthStatus.Unhealthy"/> to page on it.
    /// </summary>
    public HealthStatus DeadLetterStatus { get; set; } = HealthStatus.Degraded;

    /// <summary>How long <c>polar-billing-polar</c> waits for Polar (retries included) before reporting Degraded. Default 5 s.</summary>
    public TimeSpan PolarTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>polar-billing-polar</c> calls Polar at most once per this interval (real time) and reports the last answer
    /// in between, so frequent probes do not spend Polar's rate limit (500 requests a minute, 100 on sandbox). Default 30 s;
    /// <see cref="TimeSpan.Zero"/> calls Polar on every check.
    /// </summary>
    public TimeSpan PolarProbeInterval { get; set; } = TimeSpan.FromSeconds(30);
}
