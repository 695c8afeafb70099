using System.Collections.Frozen;
using PolarBilling.Plans;

namespace PolarBilling.Entitlements;

/// <summary>
/// What one user may do now: their plan (the free plan without a subscription that grants access), its status and
/// access end, and the features and limits of the plan plus those of one-time purchases. Immutable; cached.
/// </summary>
public sealed class UserEntitlements
{
    /// <summary>Creates a snapshot.</summary>
    public UserEntitlements(
        string userId,
        BillingPlan plan,
        string? subscriptionId,
        string? status,
        DateTimeOffset? accessUntil,
        FrozenSet<string> features,
        FrozenDictionary<string, long> limits,
        FrozenSet<string> purchases)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(plan);
        UserId = userId;
        Plan = plan;
        SubscriptionId = subscriptionId;
        Status = status;
        AccessUntil = accessUntil;
        Features = features;
        Limits = limits;
        Purchases = purchases;
    }

    /// <summary>The app's user id.</summary>
    public string UserId { get; }

    /// <summary>The plan that grants access now (the free plan when no subscription does).</summary>
    public BillingPlan Plan { get; }

    /// <summary>The Polar id of the subscription that grants <see cref="Plan"/>, if any.</summary>
    public string? SubscriptionId { get; }

    /// <summary>That subscription's Polar status (<c>trialing</c>, <c>active</c>, <c>past_due</c>, …); <see langword="null"/> without one.</summary>
    public string? Status { get; }

    /// <summary>
    /// When access ends unless something changes: the period end of a subscription canceled at period end, or the
    /// end of the <c>past_due</c> grace period; <see langword="null"/> when open-ended. The snapshot is stale after it.
    /// </summary>
    public DateTimeOffset? AccessUntil { get; }

    /// <summary>Feature flags: the plan's plus those of one-time purchases.</summary>
    public FrozenSet<string> Features { get; }

    /// <summary>Limits: the plan's, raised by one-time purchases (the larger value wins).</summary>
    public FrozenDictionary<string, long> Limits { get; }

    /// <summary>Keys of the one-time products bought and not refunded.</summary>
    public FrozenSet<string> Purchases { get; }

    /// <summary>Whether a feature flag is granted.</summary>
    public bool HasFeature(string feature) => Features.Contains(feature);

    /// <summary>A named limit; 0 when the plan has none of it.</summary>
    public long Limit(string name) => Limits.TryGetValue(name, out var value) ? value : 0;

    /// <summary>Whether the user has <paramref name="required"/>: that plan or one ranking above it (a higher tier includes the lower), or that one-time purchase (a higher tier includes the lower).</summary>
    public bool HasPlanAtLeast(BillingPlan required)
    {
        ArgumentNullException.ThrowIfNull(required);
        return required.Kind == BillingPlanKind.OneTime
            ? Purchases.Contains(required.Key)
            : ReferenceEquals(Plan, required) || (Plan.Kind == BillingPlanKind.Subscription && Plan.Rank >= required.Rank);
    }
}
