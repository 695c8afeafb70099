using PolarBilling.Client;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>Polar's status groups (<c>models/subscription.py</c>): active, revoked, billable; and the canceled flag.</summary>
internal static class SubscriptionStates
{
    /// <summary><c>trialing</c> or <c>active</c>.</summary>
    public static bool IsActive(SubscriptionStatus status) => status == SubscriptionStatus.Active || status == SubscriptionStatus.Trialing;

    /// <summary><c>canceled</c> or <c>unpaid</c>: ended for good.</summary>
    public static bool IsRevoked(SubscriptionStatus status) => status == SubscriptionStatus.Canceled || status == SubscriptionStatus.Unpaid;

    /// <summary>Active or <c>past_due</c>: still billed.</summary>
    public static bool IsBillable(SubscriptionStatus status) => IsActive(status) || status == SubscriptionStatus.PastDue;

    /// <summary>Polar's <c>canceled</c>: a cancellation was recorded (it may still run until the period end).</summary>
    public static bool IsCanceled(Subscription subscription) => subscription.CanceledAt is not null;

    /// <summary>Polar's <c>can_cancel</c>: not ended, and not already set to end (unless ending now).</summary>
    public static bool CanCancel(Subscription subscription, bool immediately) =>
        subscription.EndedAt is null
        && IsBillable(subscription.Status)
        && (immediately || !subscription.CancelAtPeriodEnd);
}
