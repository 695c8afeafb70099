namespace PolarBilling.AspNetCore.Checkouts;

/// <summary>The hosted checkout to send the buyer to.</summary>
/// <param name="Url">Polar's checkout page.</param>
/// <param name="CheckoutId">The checkout id (the success page confirms it with <c>GET …/checkout/{id}/confirm</c>).</param>
internal sealed record CheckoutResponse(string Url, string CheckoutId);
