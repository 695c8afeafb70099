using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolarBilling.Entitlements;
using PolarBilling.Plans;
using PolarBilling.Store;

namespace SaasStarter.Pages.Billing;

/// <summary>Billing settings: the subscription, plan changes, cancel/resume, the customer portal and payment history.</summary>
internal sealed class IndexModel(BillingPlanCatalog catalog, IEntitlements entitlements, IBillingReadStore store) : PageModel
{
    public BillingPlanCatalog Catalog { get; } = catalog;

    public UserEntitlements Entitlements { get; private set; } = null!;

    /// <summary>The subscription that grants the plan, else the most recent one; <see langword="null"/> for none.</summary>
    public BillingSubscription? Subscription { get; private set; }

    public bool IsCustomer { get; private set; }

    public IReadOnlyList<BillingOrder> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Billing requires a signed-in user.");
        Entitlements = await entitlements.GetAsync(userId, cancellationToken);
        if (await store.FindCustomerByUserIdAsync(userId, cancellationToken) is not { } customer)
        {
            return;
        }

        IsCustomer = true;
        var subscriptions = await store.ListSubscriptionsAsync(customer.Id, null, cancellationToken);
        Subscription = subscriptions.FirstOrDefault(s => s.Id == Entitlements.SubscriptionId)
            ?? subscriptions.OrderByDescending(s => s.StartedAt ?? s.UpdatedAt).FirstOrDefault();
        Orders = [.. (await store.ListOrdersAsync(customer.Id, cancellationToken)).OrderByDescending(o => o.PaidAt ?? o.UpdatedAt)];
    }

    public string PlanName(string? productId) => Catalog.FindByProductId(productId)?.Name ?? productId ?? "";
}
