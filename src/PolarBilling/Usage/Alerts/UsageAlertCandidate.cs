using PolarBilling.Usage.Periods;

namespace PolarBilling.Usage.Alerts;

/// <summary>A (user, meter) whose usage in <see cref="Period"/> just grew, under the user's current terms.</summary>
/// <param name="UserId">The app's user id.</param>
/// <param name="Meter">The meter key.</param>
/// <param name="Period">The billing period the usage was written to.</param>
/// <param name="Terms">The user's customer and plan.</param>
internal sealed record UsageAlertCandidate(string UserId, string Meter, BillingPeriod Period, UserBillingTerms Terms);
