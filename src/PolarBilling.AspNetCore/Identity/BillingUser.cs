namespace PolarBilling.AspNetCore.Identity;

/// <summary>The signed-in user as billing sees them: the id Polar stores as the customer's <c>external_id</c>, and contact details.</summary>
/// <param name="Id">The app's stable user id (never an email, which can change).</param>
/// <param name="Email">The email Polar uses for receipts; <see langword="null"/> when the user has none.</param>
/// <param name="Name">The display name; optional.</param>
public sealed record BillingUser(string Id, string? Email, string? Name = null);
