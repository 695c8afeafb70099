namespace PolarBilling.AspNetCore.Security;

/// <summary>Answer of <c>GET {prefix}/billing/antiforgery</c>: send <c>token</c> in the header named <c>headerName</c> on cookie-authenticated changes.</summary>
internal sealed record AntiforgeryToken(string Token, string HeaderName);
