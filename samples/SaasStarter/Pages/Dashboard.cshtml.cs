using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolarBilling.Entitlements;
using PolarBilling.Plans;

namespace SaasStarter.Pages;

/// <summary>The signed-in user's features, each gated by the plan that unlocks it.</summary>
internal sealed class DashboardModel(BillingPlanCatalog catalog, IEntitlements entitlements) : PageModel
{
    public UserEntitlements Entitlements { get; private set; } = null!;

    /// <summary>Every feature any plan or purchase grants, with the cheapest plan that grants it.</summary>
    public IReadOnlyList<(string Feature, BillingPlan UnlockedBy)> Features { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The dashboard requires a signed-in user.");
        Entitlements = await entitlements.GetAsync(userId, cancellationToken);
        Features = [.. catalog.Subscriptions.Concat(catalog.OneTimeProducts)
            .SelectMany(plan => plan.Features.Select(feature => (Feature: feature, UnlockedBy: plan)))
            .GroupBy(x => x.Feature, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(x => x.Feature, StringComparer.Ordinal)];
    }
}
