namespace PolarBilling.Plans;

/// <summary>One plan as configured (<c>Polar:Plans:{key}</c> or <see cref="PolarBillingOptions.Plans"/> in code).</summary>
public sealed class BillingPlanOptions
{
    /// <summary>Display name; the key when empty.</summary>
    public string? Name { get; set; }

    /// <summary>Optional one-line description for pricing pages.</summary>
    public string? Description { get; set; }

    /// <summary>The Polar product id. Required for a paid plan; leave empty for the free plan.</summary>
    public string? ProductId { get; set; }

    /// <summary>The price for display, in minor units of <see cref="Currency"/> (2900 = $29.00). Polar's product price is what is charged.</summary>
    public long Price { get; set; }

    /// <summary>Lowercase ISO 4217 currency. Default <c>usd</c>.</summary>
    public string Currency { get; set; } = "usd";

    /// <summary><c>month</c> (default for a paid plan) or <c>year</c>; ignored for one-time products.</summary>
    public string? Interval { get; set; }

    /// <summary>True for a one-time product (a purchase, not a subscription). Default false.</summary>
    public bool OneTime { get; set; }

    /// <summary>Trial length in days for new subscribers; 0 (default) for none.</summary>
    public int TrialDays { get; set; }

    /// <summary>The feature flags the plan (or purchase) grants, e.g. <c>api-access</c>.</summary>
    public IList<string> Features { get; } = [];

    /// <summary>Named limits, e.g. <c>agents: 5</c>. A missing limit means the plan has none of it (0).</summary>
    public IDictionary<string, long> Limits { get; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>
    /// Order among subscription plans for upgrade and downgrade (higher is better). When unset, plans are ordered by
    /// their monthly price.
    /// </summary>
    public int? Rank { get; set; }

    /// <summary>
    /// Metered components by meter key (e.g. <c>api_calls</c>): included units per period and the price of each unit
    /// over them. Usage recorded for a meter the plan does not list is still stored and sent to Polar, at no charge here.
    /// </summary>
    public IDictionary<string, MeteredComponentOptions> Meters { get; } = new Dictionary<string, MeteredComponentOptions>(StringComparer.Ordinal);
}
