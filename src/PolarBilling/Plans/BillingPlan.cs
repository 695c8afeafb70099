using System.Collections.Frozen;

namespace PolarBilling.Plans;

/// <summary>A plan of the catalog: what it is called, which Polar product sells it, and what it unlocks.</summary>
public sealed class BillingPlan
{
    internal BillingPlan(string key, BillingPlanKind kind, BillingPlanOptions options, int rank)
    {
        Key = key;
        Kind = kind;
        Name = string.IsNullOrWhiteSpace(options.Name) ? key : options.Name;
        Description = options.Description;
        ProductId = string.IsNullOrWhiteSpace(options.ProductId) ? null : options.ProductId.Trim();
        Price = options.Price;
        Currency = options.Currency.ToLowerInvariant();
        Interval = kind == BillingPlanKind.Subscription ? (options.Interval ?? "month").ToLowerInvariant() : null;
        TrialDays = options.TrialDays;
        Features = options.Features.ToFrozenSet(StringComparer.Ordinal);
        Limits = options.Limits.ToFrozenDictionary(StringComparer.Ordinal);
        Rank = rank;
        Meters = options.Meters.ToFrozenDictionary(m => m.Key, m => new MeteredComponent(m.Key, m.Value), StringComparer.Ordinal);
    }

    /// <summary>The plan key the app and the API use (<c>free</c>, <c>pro</c>, …).</summary>
    public string Key { get; }

    /// <summary>What the plan sells.</summary>
    public BillingPlanKind Kind { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>Optional description.</summary>
    public string? Description { get; }

    /// <summary>The Polar product id; <see langword="null"/> for the free plan.</summary>
    public string? ProductId { get; }

    /// <summary>Display price in minor units of <see cref="Currency"/>.</summary>
    public long Price { get; }

    /// <summary>Lowercase ISO 4217 currency.</summary>
    public string Currency { get; }

    /// <summary><c>month</c> or <c>year</c> for a subscription plan; <see langword="null"/> otherwise.</summary>
    public string? Interval { get; }

    /// <summary>Trial days for new subscribers.</summary>
    public int TrialDays { get; }

    /// <summary>Feature flags granted.</summary>
    public FrozenSet<string> Features { get; }

    /// <summary>Named limits.</summary>
    public FrozenDictionary<string, long> Limits { get; }

    /// <summary>Order among subscription plans (the free plan is lowest); higher is an upgrade.</summary>
    public int Rank { get; }

    /// <summary>Metered components by meter key; empty for a plan without usage billing.</summary>
    public FrozenDictionary<string, MeteredComponent> Meters { get; }

    /// <summary>The display price per month, for ordering plans (a yearly price divided by 12).</summary>
    internal static long MonthlyPrice(BillingPlanOptions options) =>
        string.Equals(options.Interval, "year", StringComparison.OrdinalIgnoreCase) ? options.Price / 12 : options.Price;
}
