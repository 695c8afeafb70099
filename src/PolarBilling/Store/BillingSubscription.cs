namespace PolarBilling.Store;

/// <summary>A Polar subscription as last seen (table <c>billing_subscriptions</c>).</summary>
public sealed class BillingSubscription : BillingRow
{
    /// <summary>The Polar customer id.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The Polar product id of the current plan.</summary>
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The app's plan key: the product's <c>plan_key</c> metadata when set, else <see langword="null"/>.</summary>
    public string? PlanKey { get; set; }

    /// <summary>Polar's status: <c>incomplete</c>, <c>trialing</c>, <c>active</c>, <c>past_due</c>, <c>canceled</c>, <c>unpaid</c>, …</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>The recurring amount in minor units of <see cref="Currency"/>.</summary>
    public long Amount { get; set; }

    /// <summary>Lowercase ISO 4217 currency.</summary>
    public string Currency { get; set; } = string.Empty;

    /// <summary>The billing interval: <c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</summary>
    public string RecurringInterval { get; set; } = string.Empty;

    /// <summary>How many intervals one period spans.</summary>
    public int RecurringIntervalCount { get; set; }

    /// <summary>Start of the current period.</summary>
    public DateTimeOffset? CurrentPeriodStart { get; set; }

    /// <summary>End of the current period.</summary>
    public DateTimeOffset? CurrentPeriodEnd { get; set; }

    /// <summary>Trial start, when the subscription has or had a trial.</summary>
    public DateTimeOffset? TrialStart { get; set; }

    /// <summary>Trial end, when the subscription has or had a trial.</summary>
    public DateTimeOffset? TrialEnd { get; set; }

    /// <summary>Whether the subscription ends at the end of the current period.</summary>
    public bool CancelAtPeriodEnd { get; set; }

    /// <summary>When it was canceled.</summary>
    public DateTimeOffset? CanceledAt { get; set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When it will end (a cancellation at period end).</summary>
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>When it became past due (a failed renewal payment).</summary>
    public DateTimeOffset? PastDueAt { get; set; }
}
