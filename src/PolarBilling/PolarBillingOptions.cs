using PolarBilling.Plans;
using PolarBilling.Usage;

namespace PolarBilling;

/// <summary>
/// PolarBilling settings, bound to the <c>Polar</c> configuration section (the access token and server are
/// <c>PolarClientOptions</c> in the same section). Validated at startup.
/// </summary>
public sealed class PolarBillingOptions
{
    /// <summary>The configuration section bound by default.</summary>
    public const string SectionName = "Polar";

    /// <summary>
    /// The webhook endpoint's signing secret (<c>POLAR_WEBHOOK_SECRET</c>): the <c>whsec_…</c> value, or Polar's raw
    /// secret. Required for the webhook receiver.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The plans by key (<c>free</c>, <c>pro</c>, <c>enterprise</c>, <c>course</c>, …).</summary>
    public IDictionary<string, BillingPlanOptions> Plans { get; } = new Dictionary<string, BillingPlanOptions>(StringComparer.Ordinal);

    /// <summary>How long a <c>past_due</c> subscription keeps its access after the failed payment. Default 7 days.</summary>
    public TimeSpan PastDueGracePeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The prefix of the billing endpoints (<c>{prefix}/billing/…</c>, <c>{prefix}/webhooks/polar</c>). Default <c>/api</c>.</summary>
    public string RoutePrefix { get; set; } = "/api";

    /// <summary>
    /// Absolute origins (<c>https://app.example.com</c>) that success and return URLs may point to, besides the
    /// request's own origin. Relative URLs are always allowed.
    /// </summary>
    public IList<string> AllowedRedirectOrigins { get; } = [];

    /// <summary>
    /// Where Polar sends the customer after a checkout, relative to the app or on an allowed origin;
    /// <c>{CHECKOUT_ID}</c> is replaced by Polar. Default <c>/billing/success?checkout_id={CHECKOUT_ID}</c>.
    /// </summary>
    public string SuccessUrl { get; set; } = "/billing/success?checkout_id={CHECKOUT_ID}";

    /// <summary>Where the customer portal's back link and denials point to upgrade. Default <c>/pricing</c>.</summary>
    public string UpgradeUrl { get; set; } = "/pricing";

    /// <summary>Polar proration for upgrades: <c>invoice</c> (default: charge the difference now), <c>prorate</c> (on the next invoice), <c>next_period</c>.</summary>
    public string UpgradeProration { get; set; } = "invoice";

    /// <summary>Polar proration for downgrades: <c>next_period</c> (default: the change takes effect at the next period), <c>prorate</c>, <c>invoice</c>.</summary>
    public string DowngradeProration { get; set; } = "next_period";

    /// <summary>Checkouts one user may create per minute. Default 10; 0 turns the limit off.</summary>
    public int CheckoutsPerUserPerMinute { get; set; } = 10;

    /// <summary>Usage billing: flush and sync intervals, windows, alerts (<c>Polar:Usage</c>).</summary>
    public UsageOptions Usage { get; } = new();
}
