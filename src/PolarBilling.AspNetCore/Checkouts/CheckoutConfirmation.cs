using PolarBilling.AspNetCore.Subscriptions;

namespace PolarBilling.AspNetCore.Checkouts;

/// <summary>Answer of <c>GET …/checkout/{id}/confirm</c>.</summary>
/// <param name="Status">Polar's checkout status: <c>open</c>, <c>confirmed</c> (payment processing), <c>succeeded</c>, <c>failed</c>, <c>expired</c>.</param>
/// <param name="Plan">The plan key the checkout sells.</param>
/// <param name="OrderId">The order the checkout created, once paid.</param>
/// <param name="Subscription">The user's subscription view after projecting the outcome.</param>
internal sealed record CheckoutConfirmation(string Status, string? Plan, string? OrderId, SubscriptionView Subscription);
