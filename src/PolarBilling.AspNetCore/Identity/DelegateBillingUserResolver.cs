using System.Security.Claims;

namespace PolarBilling.AspNetCore.Identity;

/// <summary>The resolver set with <c>builder.ResolveUser(…)</c>; anonymous principals never resolve.</summary>
internal sealed class DelegateBillingUserResolver(Func<ClaimsPrincipal, BillingUser?> resolve) : IBillingUserResolver
{
    public BillingUser? Resolve(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.IsAuthenticated == true && resolve(principal) is { Id.Length: > 0 } user ? user : null;
    }
}
