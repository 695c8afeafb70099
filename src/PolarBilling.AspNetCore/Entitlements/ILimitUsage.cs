using Microsoft.AspNetCore.Http;

namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>
/// Counts how much of a limit the signed-in user uses now (e.g. their agents), for
/// <see cref="RequireLimitAttribute.Usage"/> and <c>.RequireLimit&lt;TUsage&gt;(…)</c>. Resolved from the request's
/// services when registered, else created with them.
/// </summary>
public interface ILimitUsage
{
    /// <summary>The current usage of <paramref name="limit"/> by the request's user.</summary>
    /// <param name="context">The request (its user, services and abort token).</param>
    /// <param name="limit">The limit's name, e.g. <c>agents</c>.</param>
    ValueTask<long> GetUsageAsync(HttpContext context, string limit);
}
