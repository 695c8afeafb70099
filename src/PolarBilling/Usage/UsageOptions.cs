namespace PolarBilling.Usage;

/// <summary>Usage billing settings (<c>Polar:Usage</c>). Validated at startup.</summary>
public sealed class UsageOptions
{
    /// <summary>How often recorded usage is written from memory into usage windows in the database. Default 1 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often closed windows are sent to Polar (<c>POST /v1/events/ingest</c>). Default 1 hour.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The length of one usage window (one Polar event per user, meter and window). Default 1 hour; windows never cross a billing period boundary.</summary>
    public TimeSpan WindowLength { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long before a billing period ends its usage is closed and sent, so Polar receives it before it bills the
    /// period (Polar bills an event in the period it receives it). Usage recorded later counts toward the next period.
    /// Default 5 minutes.
    /// </summary>
    public TimeSpan PeriodEndLead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most events per ingest request. Default 500.</summary>
    public int SyncBatchSize { get; set; } = 500;

    /// <summary>Alert thresholds in percent of a meter's included units, each fired once per meter per period. Default 80, 100, 150.</summary>
    public IList<int> AlertThresholds { get; } = [];

    /// <summary>The sender address of alert emails (e.g. <c>billing@example.com</c>); no alert email is sent when empty.</summary>
    public string? AlertEmailFrom { get; set; }

    /// <summary>An absolute URL that receives a signed (Standard Webhooks) POST for each alert; none when empty.</summary>
    public string? AlertWebhookUrl { get; set; }

    /// <summary>The <c>whsec_…</c> secret that signs alert webhooks. Required with <see cref="AlertWebhookUrl"/>.</summary>
    public string? AlertWebhookSecret { get; set; }

    /// <summary>The thresholds in effect: <see cref="AlertThresholds"/>, or 80, 100, 150 when none are configured.</summary>
    public IReadOnlyList<int> EffectiveAlertThresholds =>
        AlertThresholds.Count == 0 ? DefaultAlertThresholds : [.. AlertThresholds.Distinct().Order()];

    private static readonly int[] DefaultAlertThresholds = [80, 100, 150];
}
