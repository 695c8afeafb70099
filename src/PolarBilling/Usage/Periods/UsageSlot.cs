namespace PolarBilling.Usage.Periods;

/// <summary>Where recorded usage goes: a window <c>[Start, End)</c> inside one billing period.</summary>
/// <param name="Start">The window's start (the Polar event's timestamp).</param>
/// <param name="End">The window's end, never after the period's end.</param>
/// <param name="Period">The billing period the usage counts toward.</param>
internal readonly record struct UsageSlot(DateTimeOffset Start, DateTimeOffset End, BillingPeriod Period);
