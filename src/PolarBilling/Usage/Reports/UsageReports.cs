using Microsoft.Extensions.Options;
using PolarBilling.Plans;
using PolarBilling.Store;
using PolarBilling.Usage.Periods;

namespace PolarBilling.Usage.Reports;

/// <summary>
/// A user's usage read from the local usage windows: current usage per meter, history for a chart, and a preview of
/// the renewal order. The plan comes from the user's running subscription (else the free plan), the period from that
/// subscription (else the calendar month UTC), resolved exactly as the usage pipeline resolves them when it stores
/// windows. Registered by <c>AddPolarBilling()</c>; thread-safe.
/// </summary>
public sealed class UsageReports
{
    private readonly IUsageStore _usage;
    private readonly UsagePeriodResolver _terms;
    private readonly UsageOptions _options;
    private readonly RenewalDiscounts _discounts;
    private readonly TimeProvider _time;

    internal UsageReports(IUsageStore usage, UsagePeriodResolver terms, IOptions<PolarBillingOptions> options, RenewalDiscounts discounts, TimeProvider time)
    {
        _usage = usage;
        _terms = terms;
        _options = options.Value.Usage;
        _discounts = discounts;
        _time = time;
    }

    /// <summary>The user's usage of each meter in the current billing period.</summary>
    /// <param name="userId">The app's user id.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The plan's metered components (zero when unused), then other meters the user used (included 0, price 0).</returns>
    public async Task<CurrentUsage> GetCurrentAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var (plan, subscription) = await FindPlanAsync(userId, cancellationToken);
        var (start, end) = ToTuple(UsagePeriods.Current(subscription, _time.GetUtcNow()));
        var used = await _usage.SumByMeterAsync(userId, start, cancellationToken);
        var thresholds = _options.EffectiveAlertThresholds;
        var meters = new List<MeterUsage>();
        foreach (var component in plan.Meters.Values.OrderBy(m => m.Meter, StringComparer.Ordinal))
        {
            var quantity = used.GetValueOrDefault(component.Meter);
            var over = MeteredCharge.Billable(quantity, component.Included);
            meters.Add(new MeterUsage(
                component.Meter, component.Name, component.Unit, quantity, component.Included, Math.Max(0, component.Included - quantity),
                over, MeteredCharge.Amount(over, component.UnitPrice, component.CapAmount), component.UnitPrice, start, end,
                MeteredCharge.AlertLevel(quantity, component.Included, thresholds)));
        }

        foreach (var (meter, quantity) in used.Where(u => !plan.Meters.ContainsKey(u.Key)).OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            meters.Add(new MeterUsage(meter, meter, "units", quantity, 0, 0, quantity, 0, 0, start, end, null));
        }

        return new CurrentUsage(plan.Key, CurrencyOf(plan, subscription), start, end, meters);
    }

    /// <summary>The user's usage in <c>[from, to)</c> bucketed by UTC hour or day; the range is widened to whole buckets.</summary>
    /// <param name="userId">The app's user id.</param>
    /// <param name="from">Start of the range.</param>
    /// <param name="to">End of the range; after <paramref name="from"/>.</param>
    /// <param name="interval">Bucket size.</param>
    /// <param name="meter">One meter, or <see langword="null"/> for the plan's meters and every meter with usage.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>A series per meter with a point for every bucket, zeros included.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public async Task<UsageHistory> GetHistoryAsync(string userId, DateTimeOffset from, DateTimeOffset to, UsageInterval interval, string? meter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (to <= from)
        {
            throw new ArgumentException("'to' must be after 'from'.", nameof(to));
        }

        var start = UsageHistoryBuckets.Floor(from, interval);
        var end = UsageHistoryBuckets.Ceiling(to, interval);
        var windows = await _usage.ListWindowsAsync(userId, meter, start, end, cancellationToken);
        IEnumerable<string> meters = meter is not null ? [meter] : (await FindPlanAsync(userId, cancellationToken)).Plan.Meters.Keys;
        var series = UsageHistoryBuckets.Build(windows.Where(w => meter is null || w.Meter == meter), meters, start, end, interval);
        return new UsageHistory(start, end, interval == UsageInterval.Hour ? "hour" : "day", series);
    }

    /// <summary>
    /// What Polar's renewal order will charge at the end of the current period: the fixed price (the subscription's
    /// amount; 0 when it is set to end then), the metered lines, and the subscription's discount (read from Polar,
    /// cached for a minute). Without a subscription everything is 0.
    /// </summary>
    /// <param name="userId">The app's user id.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The preview.</returns>
    /// <exception cref="Client.PolarException">The subscription's discount could not be read from Polar.</exception>
    public async Task<InvoicePreview> GetInvoicePreviewAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var (plan, subscription) = await FindPlanAsync(userId, cancellationToken);
        var (start, end) = ToTuple(UsagePeriods.Current(subscription, _time.GetUtcNow()));
        var used = await _usage.SumByMeterAsync(userId, start, cancellationToken);
        if (subscription is null)
        {
            return InvoicePreviewCalculator.Compute(plan, CurrencyOf(plan, null), start, end, 0, new Dictionary<string, long>(), null);
        }

        var baseFee = subscription.CancelAtPeriodEnd ? 0 : subscription.Amount;
        var discount = await _discounts.FindAsync(subscription, end, cancellationToken);
        return InvoicePreviewCalculator.Compute(plan, CurrencyOf(plan, subscription), start, end, baseFee, used, discount);
    }

    /// <summary>The user's billing period that starts at or contains <paramref name="at"/> (for alert messages).</summary>
    internal async Task<(DateTimeOffset Start, DateTimeOffset End)> FindPeriodAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (_, subscription) = await FindPlanAsync(userId, cancellationToken);
        return ToTuple(UsagePeriods.Current(subscription, at));
    }

    /// <summary>The display name and unit of a meter in the user's plan (the key and <c>units</c> when the plan has no such meter).</summary>
    internal async Task<(string Name, string Unit)> DescribeMeterAsync(string userId, string meter, CancellationToken cancellationToken)
    {
        var (plan, _) = await FindPlanAsync(userId, cancellationToken);
        return plan.Meters.TryGetValue(meter, out var component) ? (component.Name, component.Unit) : (meter, "units");
    }

    private async Task<(BillingPlan Plan, BillingSubscription? Subscription)> FindPlanAsync(string userId, CancellationToken cancellationToken)
    {
        var terms = await _terms.GetAsync(userId, _time.GetUtcNow(), cancellationToken);
        return (terms.Plan, terms.Subscription);
    }

    private static (DateTimeOffset Start, DateTimeOffset End) ToTuple(BillingPeriod period) => (period.Start, period.End);

    private static string CurrencyOf(BillingPlan plan, BillingSubscription? subscription) =>
        string.IsNullOrEmpty(subscription?.Currency) ? plan.Currency : subscription.Currency.ToLowerInvariant();
}
