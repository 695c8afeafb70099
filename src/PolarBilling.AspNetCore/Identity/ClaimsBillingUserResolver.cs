using System.Security.Claims;

namespace PolarBilling.AspNetCore.Identity;

/// <summary>The default resolver: standard claim types first, then their JWT short names.</summary>
internal sealed class ClaimsBillingUserResolver : IBillingUserResolver
{
    public BillingUser? Resolve(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = First(principal, ClaimTypes.NameIdentifier, "sub");
        return string.IsNullOrWhiteSpace(id)
            ? null
            : new BillingUser(id, First(principal, ClaimTypes.Email, "email"), First(principal, ClaimTypes.Name, "name"));
    }

    private static string? First(ClaimsPrincipal principal, string type, string shortType) =>
        principal.FindFirst(type)?.Value is { Length: > 0 } value ? value : principal.FindFirst(shortType)?.Value;
}
