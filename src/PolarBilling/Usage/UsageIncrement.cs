namespace PolarBilling.Usage;

/// <summary>Units to add to one usage window (see <see cref="IUsageWindowStore.AddUsageAsync"/>).</summary>
/// <param name="UserId">The app's user id.</param>
/// <param name="Meter">The meter key.</param>
/// <param name="WindowStart">The window's start.</param>
/// <param name="WindowEnd">The window's end.</param>
/// <param name="PeriodStart">The billing period's start.</param>
/// <param name="PeriodEnd">The billing period's end.</param>
/// <param name="Quantity">Units to add, more than zero.</param>
public sealed record UsageIncrement(
    string UserId, string Meter, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, long Quantity);
