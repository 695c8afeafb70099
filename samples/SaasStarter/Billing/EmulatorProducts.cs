using PolarBilling.Client;
using PolarBilling.Plans;

namespace SaasStarter.Billing;

/// <summary>Creates the Polar product of a plan on the emulator once, found again by the plan key in its metadata.</summary>
internal static class EmulatorProducts
{
    private const string PlanKeyMetadata = "saasstarter_plan";

    /// <summary>The id of the product selling <paramref name="key"/>, created if there is none yet.</summary>
    public static async Task<string> EnsureAsync(PolarClient polar, string key, BillingPlanOptions plan)
    {
        await foreach (var product in polar.Products.ListAutoPagingAsync(new ProductListOptions { IsArchived = false }))
        {
            if (product.Metadata.TryGetValue(PlanKeyMetadata, out var value) && value.ToString() == key)
            {
                return product.Id;
            }
        }

        var prices = new List<ProductPriceCreate> { new ProductPriceFixedCreate { PriceAmount = plan.Price, PriceCurrency = new PresentmentCurrency(plan.Currency) } };
        var metadata = new Dictionary<string, MetadataValue> { [PlanKeyMetadata] = key };
        ProductCreate create = plan.OneTime
            ? new ProductCreateOneTime { Name = plan.Name ?? key, Description = plan.Description, Prices = prices, Metadata = metadata }
            : new ProductCreateRecurring
            {
                Name = plan.Name ?? key,
                Description = plan.Description,
                Prices = prices,
                Metadata = metadata,
                RecurringInterval = RecurringInterval.From(plan.Interval ?? "month"),
                TrialInterval = plan.TrialDays > 0 ? TrialInterval.Day : null,
                TrialIntervalCount = plan.TrialDays > 0 ? plan.TrialDays : null,
            };
        var created = await polar.Products.CreateAsync(create);
        return created.Id;
    }
}
