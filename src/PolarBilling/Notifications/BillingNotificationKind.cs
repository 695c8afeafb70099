namespace PolarBilling.Notifications;

/// <summary>What happened, in billing terms. Stored by name, so new kinds never renumber old rows.</summary>
public enum BillingNotificationKind
{
    /// <summary>A subscription became active (<c>subscription.active</c>).</summary>
    SubscriptionActivated,

    /// <summary>A subscription moved to another product (seen when a newer state with another product is applied).</summary>
    PlanChanged,

    /// <summary>A subscription was canceled, at period end or at once (<c>subscription.canceled</c>).</summary>
    SubscriptionCanceled,

    /// <summary>A pending cancellation was withdrawn (<c>subscription.uncanceled</c>).</summary>
    SubscriptionUncanceled,

    /// <summary>A subscription ended and its access is gone (<c>subscription.revoked</c>).</summary>
    SubscriptionRevoked,

    /// <summary>A renewal payment failed (<c>subscription.past_due</c>).</summary>
    SubscriptionPastDue,

    /// <summary>A past-due subscription is active again (seen when a newer active state follows a past-due one).</summary>
    SubscriptionRecovered,

    /// <summary>A subscription started with a trial (<c>subscription.created</c> in status <c>trialing</c>).</summary>
    TrialStarted,

    /// <summary>An order was paid (<c>order.paid</c>).</summary>
    PaymentSucceeded,

    /// <summary>A refund succeeded (<c>refund.created</c> or <c>refund.updated</c> with status <c>succeeded</c>).</summary>
    Refunded,

    /// <summary>A benefit was granted (<c>benefit_grant.*</c> with <c>is_granted</c>).</summary>
    BenefitGranted,

    /// <summary>A benefit was revoked (<c>benefit_grant.*</c> with <c>is_revoked</c>).</summary>
    BenefitRevoked,

    /// <summary>A user's usage of a meter reached an alert threshold of its included units in the current period (once per threshold, meter and period).</summary>
    UsageThresholdReached,
}
