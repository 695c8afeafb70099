namespace PolarBilling.AspNetCore.Checkouts;

/// <summary>Body of <c>POST {prefix}/billing/checkout</c>: a plan key, or a product (a one-time plan's key or any catalog product id).</summary>
/// <param name="Plan">A paid plan key, e.g. <c>pro</c>.</param>
/// <param name="Product">A one-time plan key such as <c>course</c>, or the Polar product id of a catalog plan.</param>
/// <param name="SuccessUrl">Where Polar sends the buyer afterwards: relative, same origin, or an allowed origin; default Polar:SuccessUrl.</param>
internal sealed record CheckoutRequest(string? Plan, string? Product, string? SuccessUrl);
