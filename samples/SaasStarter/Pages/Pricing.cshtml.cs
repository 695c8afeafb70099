using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolarBilling.Entitlements;
using PolarBilling.Plans;

namespace SaasStarter.Pages;

/// <summary>The plans from the catalog, with checkout buttons (and upgrade/downgrade ones for subscribers).</summary>
internal sealed class PricingModel(BillingPlanCatalog catalog, IEntitlements entitlements) : PageModel
{
    public BillingPlanCatalog Catalog { get; } = catalog;

    /// <summary>The signed-in user's entitlements; <see langword="null"/> when signed out.</summary>
    public UserEntitlements? Current { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            Current = await entitlements.GetAsync(userId, cancellationToken);
        }
    }
}
