namespace PolarBilling.AspNetCore.Subscriptions;

/// <summary>Body of <c>PUT …/subscription/upgrade</c> and <c>/downgrade</c>.</summary>
/// <param name="Plan">The target subscription plan key, e.g. <c>enterprise</c>.</param>
/// <param name="Proration"><c>invoice</c>, <c>prorate</c> or <c>next_period</c>; default Polar:UpgradeProration / Polar:DowngradeProration.</param>
internal sealed record ChangePlanRequest(string? Plan, string? Proration);
