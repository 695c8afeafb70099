using PolarBilling.Plans;
using PolarBilling.Store;

namespace PolarBilling.Usage.Periods;

/// <summary>What usage billing needs to know about a user: the Polar customer, the running subscription and its plan.</summary>
/// <param name="CustomerId">The Polar customer id, or <see langword="null"/> when the user has none yet.</param>
/// <param name="Subscription">The active, trialing or past-due subscription, or <see langword="null"/> (calendar months).</param>
/// <param name="Plan">The plan of that subscription, else the free plan.</param>
/// <param name="LoadedAt">When it was read from the store.</param>
internal sealed record UserBillingTerms(string? CustomerId, BillingSubscription? Subscription, BillingPlan Plan, DateTimeOffset LoadedAt)
{
    /// <summary>The period usage recorded at <paramref name="now"/> counts toward, and its window.</summary>
    public UsageSlot SlotFor(DateTimeOffset now, UsageOptions options) =>
        UsagePeriods.Window(UsagePeriods.ForRecording(Subscription, now, options.PeriodEndLead), now, options.WindowLength);
}
