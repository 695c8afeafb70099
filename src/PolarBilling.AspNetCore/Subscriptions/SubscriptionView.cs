namespace PolarBilling.AspNetCore.Subscriptions;

/// <summary>
/// <c>GET {prefix}/billing/subscription</c> and the answer of every subscription change: the plan that grants access
/// now (<c>free</c> without a subscription) and its features and limits (the same <c>IEntitlements</c> the gates use),
/// plus the subscription's dates when there is one.
/// </summary>
internal sealed record SubscriptionView(
    string Plan,
    string PlanName,
    string? Status,
    string? SubscriptionId,
    DateTimeOffset? CurrentPeriodStart,
    DateTimeOffset? CurrentPeriodEnd,
    DateTimeOffset? TrialStart,
    DateTimeOffset? TrialEnd,
    bool CancelAtPeriodEnd,
    DateTimeOffset? EndsAt,
    DateTimeOffset? AccessUntil,
    IReadOnlyList<string> Features,
    IReadOnlyDictionary<string, long> Limits,
    IReadOnlyList<string> Purchases,
    string? PendingPlan = null);
