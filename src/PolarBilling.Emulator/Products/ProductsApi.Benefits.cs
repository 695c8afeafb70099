using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Products;

internal static partial class ProductsApi
{
    /// <summary>
    /// <c>POST /v1/products/{id}/benefits</c>: the product's benefits become exactly this list, in this order. When
    /// the set changed, Polar re-syncs the grants of everyone holding the product (its active subscriptions and the
    /// paid orders of a one-time product): removed benefits are revoked, added ones granted. <c>product.updated</c>
    /// is sent once the product changed; the grant jobs Polar queues run after it.
    /// </summary>
    private static IResult UpdateBenefits(HttpContext context, EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            var product = state.Products.Get(UuidInput.Path(id));
            var benefits = new List<Benefit>();
            var order = 0;
            foreach (var benefitId in context.Body().GetProperty("benefits").EnumerateArray().Select(b => b.GetString()))
            {
                var benefit = state.Benefits.Find(benefitId);
                if (benefit is null || benefit.IsDeleted)
                {
                    throw Problems.Validation(new ValidationIssue("value_error", ["body", "benefits", order], "Benefit does not exist.", benefitId));
                }

                if (!benefits.Contains(benefit))
                {
                    benefits.Add(benefit);
                }

                order++;
            }

            var before = product.Benefits.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
            product.Benefits = benefits;
            var changed = !before.SetEquals(benefits.Select(b => b.Id));
            state.Webhooks.Emit(new ProductUpdatedWebhookEvent(ProductViews.Refresh(state, product), state.Now));
            if (changed)
            {
                SyncHolders(state, product);
            }

            return ApiResults.Json(ProductViews.Refresh(state, product));
        }
    }

    /// <summary>Polar's <c>update_product_benefits_grants</c> jobs for subscriptions and for one-time orders.</summary>
    private static void SyncHolders(EmulatorState state, Product product)
    {
        var holders = state.Subscriptions.All
            .Where(s => s.ProductId == product.Id && (s.Status == SubscriptionStatus.Active || s.Status == SubscriptionStatus.Trialing))
            .ToList();
        foreach (var subscription in holders)
        {
            BenefitGrantEngine.GrantForSubscription(state, subscription);
        }

        if (product.IsRecurring)
        {
            return;
        }

        foreach (var purchase in state.Orders.All.Where(o => o.ProductId == product.Id && o.Paid && o.SubscriptionId is null).ToList())
        {
            BenefitGrantEngine.GrantForOrder(state, purchase);
        }
    }
}
