namespace PolarBilling.AspNetCore.Portal;

/// <summary>Answer of <c>GET {prefix}/billing/portal</c>.</summary>
/// <param name="Url">Polar's customer portal, signed in as the user's customer (short-lived).</param>
internal sealed record PortalLink(string Url);
