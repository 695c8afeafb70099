using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolarBilling.AspNetCore.Identity;

namespace PolarBilling;

/// <summary>Identity settings on the builder returned by <c>AddPolarBilling()</c>.</summary>
public static class PolarBillingBuilderIdentityExtensions
{
    /// <summary>
    /// Replaces how the signed-in user maps to a billing user (the Polar customer's <c>external_id</c>, email, name),
    /// e.g. <c>.ResolveUser(p =&gt; new BillingUser(p.FindFirstValue("oid")!, p.FindFirstValue("preferred_username")))</c>.
    /// Return <see langword="null"/> for principals that may not buy anything. Anonymous principals never resolve.
    /// </summary>
    /// <param name="builder">The PolarBilling builder.</param>
    /// <param name="resolve">Maps a principal to its billing user.</param>
    /// <returns>The builder.</returns>
    public static PolarBillingBuilder ResolveUser(this PolarBillingBuilder builder, Func<ClaimsPrincipal, BillingUser?> resolve)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resolve);
        builder.Services.Replace(ServiceDescriptor.Singleton<IBillingUserResolver>(new DelegateBillingUserResolver(resolve)));
        return builder;
    }
}
