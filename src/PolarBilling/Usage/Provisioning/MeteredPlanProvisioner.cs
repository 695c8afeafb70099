using PolarBilling.Client;
using PolarBilling.Plans;

namespace PolarBilling.Usage.Provisioning;

/// <summary>
/// Creates, once, what Polar needs to sell a plan and bill its usage: a meter per metered component (events named
/// after the component's <see cref="MeteredComponent.EventName"/>, summing their <c>quantity</c> metadata), a
/// <c>meter_credit</c> benefit for its included units, and the product with the plan's fixed price plus a
/// <c>metered_unit</c> price per component. Everything is found again by metadata (<c>polarbilling_plan</c>,
/// <c>polarbilling_meter</c>), so running it again returns the same ids and creates nothing twice.
/// </summary>
public static partial class MeteredPlanProvisioner
{
    /// <summary>Metadata key holding the plan key on products and benefits.</summary>
    public const string PlanMetadataKey = "polarbilling_plan";

    /// <summary>Metadata key holding the meter key on meters and benefits.</summary>
    public const string MeterMetadataKey = "polarbilling_meter";

    /// <summary>The event metadata property a meter sums: each usage window is one event with <c>{"quantity": N}</c>.</summary>
    public const string QuantityProperty = "quantity";

    /// <summary>
    /// Ensures the plan's meters, benefits and product exist on Polar and returns their ids. A product found again
    /// gets any missing metered price or benefit added; its other prices and benefits are kept.
    /// </summary>
    /// <param name="polar">A client with the organization token.</param>
    /// <param name="planKey">The plan key, e.g. <c>api</c>.</param>
    /// <param name="plan">The plan's options (price, interval, trial, meters); its ProductId is ignored.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The product, meter and benefit ids.</returns>
    /// <exception cref="ArgumentException"><paramref name="planKey"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">A one-time plan has metered components (usage is billed by subscriptions only).</exception>
    /// <exception cref="PolarException">A Polar call failed.</exception>
    public static async Task<ProvisionedPlan> EnsureAsync(
        PolarClient polar, string planKey, BillingPlanOptions plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(polar);
        ArgumentException.ThrowIfNullOrWhiteSpace(planKey);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.OneTime && plan.Meters.Count > 0)
        {
            throw new InvalidOperationException($"Polar:Plans:{planKey} is a one-time product with Meters: usage is billed by subscriptions only.");
        }

        var components = plan.Meters.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new MeteredComponent(m.Key, m.Value)).ToList();
        var meterIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var benefitIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in components)
        {
            meterIds[component.Meter] = await EnsureMeterAsync(polar, component, cancellationToken).ConfigureAwait(false);
            if (component.Included > 0)
            {
                benefitIds[component.Meter] = await EnsureCreditAsync(polar, planKey, plan, component, meterIds[component.Meter], cancellationToken).ConfigureAwait(false);
            }
        }

        var product = await FindAsync(polar.Products.ListAutoPagingAsync(
            new ProductListOptions { IsArchived = false, Metadata = Tag(PlanMetadataKey, planKey), Limit = 100 }, cancellationToken: cancellationToken),
            p => p.Metadata, PlanMetadataKey, planKey).ConfigureAwait(false);
        product ??= await polar.Products.CreateAsync(NewProduct(planKey, plan, components, meterIds), cancellationToken: cancellationToken).ConfigureAwait(false);
        product = await AddMissingPricesAsync(polar, product, plan, components, meterIds, cancellationToken).ConfigureAwait(false);
        await AttachBenefitsAsync(polar, product, benefitIds.Values, cancellationToken).ConfigureAwait(false);
        return new ProvisionedPlan(planKey, product.Id, meterIds, benefitIds);
    }

    private static ProductCreate NewProduct(string planKey, BillingPlanOptions plan, List<MeteredComponent> components, Dictionary<string, string> meterIds)
    {
        var currency = new PresentmentCurrency(plan.Currency.ToLowerInvariant());
        var prices = new List<ProductPriceCreate> { new ProductPriceFixedCreate { PriceAmount = plan.Price, PriceCurrency = currency } };
        prices.AddRange(components.Select(c => MeteredPrice(c, meterIds[c.Meter], currency)));
        var name = string.IsNullOrWhiteSpace(plan.Name) ? planKey : plan.Name;
        var metadata = Tag(PlanMetadataKey, planKey);
        if (plan.OneTime)
        {
            return new ProductCreateOneTime { Name = name, Description = plan.Description, Prices = prices, Metadata = metadata };
        }

        return new ProductCreateRecurring
        {
            Name = name,
            Description = plan.Description,
            Prices = prices,
            Metadata = metadata,
            RecurringInterval = RecurringInterval.From((plan.Interval ?? "month").ToLowerInvariant()),
            TrialInterval = plan.TrialDays > 0 ? TrialInterval.Day : null,
            TrialIntervalCount = plan.TrialDays > 0 ? plan.TrialDays : null,
        };
    }

    private static async Task<Product> AddMissingPricesAsync(
        PolarClient polar, Product product, BillingPlanOptions plan, List<MeteredComponent> components,
        Dictionary<string, string> meterIds, CancellationToken cancellationToken)
    {
        var priced = product.Prices.Where(p => !p.IsArchived).OfType<ProductPriceMeteredUnit>().Select(p => p.MeterId).ToHashSet(StringComparer.Ordinal);
        var missing = components.Where(c => !priced.Contains(meterIds[c.Meter])).ToList();
        if (missing.Count == 0)
        {
            return product;
        }

        var currency = new PresentmentCurrency(plan.Currency.ToLowerInvariant());
        var prices = product.ToExistingPrices();
        prices.AddRange(missing.Select(c => MeteredPrice(c, meterIds[c.Meter], currency)));
        return await polar.Products.UpdateAsync(product.Id, new ProductUpdate { Prices = prices }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task AttachBenefitsAsync(PolarClient polar, Product product, IEnumerable<string> benefitIds, CancellationToken cancellationToken)
    {
        var attached = product.Benefits.Select(b => b.Id).ToList();
        var missing = benefitIds.Where(id => !attached.Contains(id, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            await polar.Products.SetBenefitsAsync(product.Id, [.. attached, .. missing], cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static ProductPriceMeteredUnitCreate MeteredPrice(MeteredComponent component, string meterId, PresentmentCurrency currency) =>
        new() { MeterId = meterId, UnitAmount = component.UnitPrice, CapAmount = component.CapAmount, PriceCurrency = currency };

    private static Dictionary<string, MetadataValue> Tag(string key, string value) => new(StringComparer.Ordinal) { [key] = value };

    private static async Task<T?> FindAsync<T>(
        IAsyncEnumerable<T> candidates, Func<T, Dictionary<string, MetadataValue>> metadata, string key, string value, Func<T, bool>? also = null)
        where T : class
    {
        // The metadata filter is also checked here: a server that ignores it must not hand back someone else's object.
        await foreach (var candidate in candidates.ConfigureAwait(false))
        {
            if (metadata(candidate).TryGetValue(key, out var found) && found.ToString() == value && (also is null || also(candidate)))
            {
                return candidate;
            }
        }

        return null;
    }
}
