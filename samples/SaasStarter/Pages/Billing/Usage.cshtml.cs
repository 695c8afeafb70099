using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PolarBilling;
using PolarBilling.Entitlements;
using PolarBilling.Plans;

namespace SaasStarter.Pages.Billing;

/// <summary>
/// Usage of the metered plan: the page lays out one card per meter of the user's plan, and <c>usage.js</c> fills in
/// the numbers, the history chart and the invoice preview from <c>{prefix}/usage/*</c> (the same JSON an app's own
/// front end would read).
/// </summary>
internal sealed class UsageModel(BillingPlanCatalog catalog, IEntitlements entitlements, IOptions<PolarBillingOptions> options) : PageModel
{
    public UserEntitlements Entitlements { get; private set; } = null!;

    /// <summary>The meters of the user's plan, by key.</summary>
    public IReadOnlyList<MeteredComponent> Meters { get; private set; } = [];

    /// <summary>The cheapest plan with a meter, offered when the user's plan has none.</summary>
    public BillingPlan? MeteredPlan { get; private set; }

    /// <summary>Where the usage endpoints live, e.g. <c>/api/usage</c>.</summary>
    public string UsageApi => options.Value.RoutePrefix.TrimEnd('/') + "/usage";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Usage requires a signed-in user.");
        Entitlements = await entitlements.GetAsync(userId, cancellationToken);
        Meters = [.. Entitlements.Plan.Meters.Values.OrderBy(m => m.Meter, StringComparer.Ordinal)];
        MeteredPlan = catalog.Subscriptions.Where(p => p.Meters.Count > 0).OrderBy(p => p.Price).FirstOrDefault();
    }
}
