using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace PolarBilling.Plans;

/// <summary>
/// The app's plans: one free plan (<c>free</c> unless configured otherwise), subscription plans ordered by rank, and
/// one-time products. Built once from <see cref="PolarBillingOptions.Plans"/>; lookups never allocate.
/// </summary>
public sealed partial class BillingPlanCatalog
{
    /// <summary>The key of the implicit free plan when none is configured.</summary>
    public const string DefaultFreePlanKey = "free";

    private readonly FrozenDictionary<string, BillingPlan> _byKey;
    private readonly FrozenDictionary<string, BillingPlan> _byProductId;

    private BillingPlanCatalog(IReadOnlyList<BillingPlan> plans)
    {
        Plans = plans;
        _byKey = plans.ToFrozenDictionary(p => p.Key, StringComparer.Ordinal);
        _byProductId = plans.Where(p => p.ProductId is not null).ToFrozenDictionary(p => p.ProductId!, StringComparer.Ordinal);
        Free = plans.Single(p => p.Kind == BillingPlanKind.Free);
        Subscriptions = [.. plans.Where(p => p.Kind == BillingPlanKind.Subscription).OrderBy(p => p.Rank).ThenBy(p => p.Key, StringComparer.Ordinal)];
        OneTimeProducts = [.. plans.Where(p => p.Kind == BillingPlanKind.OneTime).OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    /// <summary>Every plan: free first, then subscriptions by rank, then one-time products.</summary>
    public IReadOnlyList<BillingPlan> Plans { get; }

    /// <summary>The plan of users without a subscription.</summary>
    public BillingPlan Free { get; }

    /// <summary>Subscription plans, lowest rank first.</summary>
    public IReadOnlyList<BillingPlan> Subscriptions { get; }

    /// <summary>One-time products.</summary>
    public IReadOnlyList<BillingPlan> OneTimeProducts { get; }

    /// <summary>The plan with this key, or <see langword="null"/>.</summary>
    public BillingPlan? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var plan) ? plan : null;

    /// <summary>The plan sold by this Polar product, or <see langword="null"/>.</summary>
    public BillingPlan? FindByProductId(string? productId) =>
        productId is not null && _byProductId.TryGetValue(productId, out var plan) ? plan : null;

    /// <summary>
    /// Builds the catalog from configured plans.
    /// </summary>
    /// <param name="plans">Plans by key.</param>
    /// <exception cref="InvalidOperationException">A plan is invalid; the message lists every problem and what to set.</exception>
    public static BillingPlanCatalog Create(IDictionary<string, BillingPlanOptions> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var problems = Validate(plans);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        var built = new List<BillingPlan>();
        var free = plans.FirstOrDefault(p => KindOf(p.Value) == BillingPlanKind.Free);
        built.Add(new BillingPlan(free.Key ?? DefaultFreePlanKey, BillingPlanKind.Free, free.Value ?? new BillingPlanOptions { Name = "Free" }, 0));
        var ranked = plans.Where(p => KindOf(p.Value) == BillingPlanKind.Subscription)
            .OrderBy(p => p.Value.Rank ?? int.MaxValue)
            .ThenBy(p => BillingPlan.MonthlyPrice(p.Value))
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < ranked.Count; i++)
        {
            built.Add(new BillingPlan(ranked[i].Key, BillingPlanKind.Subscription, ranked[i].Value, ranked[i].Value.Rank ?? (i + 1)));
        }

        built.AddRange(plans.Where(p => KindOf(p.Value) == BillingPlanKind.OneTime)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new BillingPlan(p.Key, BillingPlanKind.OneTime, p.Value, 0)));
        return new BillingPlanCatalog(built);
    }

    /// <summary>Every problem with configured plans, as messages naming the setting to fix; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(IDictionary<string, BillingPlanOptions> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var problems = new List<string>();
        var products = new Dictionary<string, string>(StringComparer.Ordinal);
        var eventNames = new Dictionary<string, (string Plan, string EventName)>(StringComparer.Ordinal);
        foreach (var (key, plan) in plans)
        {
            var at = $"Polar:Plans:{key}";
            if (!KeyPattern().IsMatch(key))
            {
                problems.Add($"{at}: plan keys are lowercase letters, digits, '-' and '_' (1-64 characters), e.g. 'pro'.");
            }

            if (plan is null)
            {
                problems.Add($"{at} is empty: set at least its ProductId and Price, or nothing for a free plan.");
                continue;
            }

            var kind = KindOf(plan);
            if (kind != BillingPlanKind.Free && string.IsNullOrWhiteSpace(plan.ProductId))
            {
                problems.Add($"{at}:ProductId is missing: set the id of the Polar product that sells '{key}' (Polar dashboard > Products, or 'polar-billing plan push').");
            }

            if (!string.IsNullOrWhiteSpace(plan.ProductId) && !products.TryAdd(plan.ProductId.Trim(), key))
            {
                problems.Add($"{at}:ProductId '{plan.ProductId}' is also the product of plan '{products[plan.ProductId.Trim()]}': each plan needs its own Polar product.");
            }

            if (plan.Price < 0)
            {
                problems.Add($"{at}:Price is negative: give the display price in minor units (2900 for $29.00).");
            }

            if (plan.TrialDays < 0 || plan.TrialDays > 1000)
            {
                problems.Add($"{at}:TrialDays must be between 0 and 1000.");
            }

            if (kind == BillingPlanKind.OneTime && plan.TrialDays > 0)
            {
                problems.Add($"{at}:TrialDays is set on a one-time product: trials exist only for subscriptions.");
            }

            if (kind == BillingPlanKind.Subscription && plan.Interval is not null
                && !string.Equals(plan.Interval, "month", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(plan.Interval, "year", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{at}:Interval '{plan.Interval}' is not supported: use 'month' or 'year'.");
            }

            if (plan.Currency is null || !CurrencyPattern().IsMatch(plan.Currency))
            {
                problems.Add($"{at}:Currency '{plan.Currency}' is not a three-letter ISO 4217 code such as 'usd'.");
            }

            foreach (var (limit, value) in plan.Limits)
            {
                if (value < 0)
                {
                    problems.Add($"{at}:Limits:{limit} is negative: limits are counts of 0 or more.");
                }
            }

            ValidateMeters(key, plan, kind, eventNames, problems);
        }

        if (plans.Count(p => p.Value is not null && KindOf(p.Value) == BillingPlanKind.Free) > 1)
        {
            problems.Add("Polar:Plans has more than one free plan (no ProductId): keep one, give the others their Polar product.");
        }

        return problems;
    }

    private static BillingPlanKind KindOf(BillingPlanOptions plan) =>
        plan.OneTime ? BillingPlanKind.OneTime
        : string.IsNullOrWhiteSpace(plan.ProductId) && plan.Price == 0 ? BillingPlanKind.Free
        : BillingPlanKind.Subscription;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
