using System.Collections.Concurrent;
using System.Globalization;
using PolarBilling.Client;
using PolarBilling.Store;

namespace PolarBilling.Usage.Reports;

/// <summary>
/// The discount a subscription's next renewal order carries. The projection stores no discount, so this reads the
/// subscription (and, for a <c>once</c> or <c>repeating</c> discount, its earlier discounted orders) from Polar and
/// keeps the answer for <see cref="CacheFor"/>, so a page that polls the preview costs Polar at most one or two calls
/// a minute per subscription. A discount changed in Polar shows in the preview within that time.
/// </summary>
internal sealed class RenewalDiscounts(PolarClient polar, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, DiscountTerms? Terms)> _cache = new(StringComparer.Ordinal);

    public async Task<DiscountTerms?> FindAsync(BillingSubscription subscription, DateTimeOffset renewalAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = string.Create(CultureInfo.InvariantCulture, $"{subscription.Id}|{renewalAt.UtcTicks}");
        if (_cache.TryGetValue(key, out var cached) && now - cached.At < CacheFor)
        {
            return cached.Terms;
        }

        var terms = await ReadAsync(subscription, renewalAt, cancellationToken);
        if (_cache.Count > 10_000)
        {
            _cache.Clear();
        }

        _cache[key] = (now, terms);
        return terms;
    }

    private async Task<DiscountTerms?> ReadAsync(BillingSubscription row, DateTimeOffset renewalAt, CancellationToken cancellationToken)
    {
        var subscription = await polar.Subscriptions.GetAsync(row.Id, cancellationToken: cancellationToken);
        if (subscription.Discount is not { } discount)
        {
            return null;
        }

        var currency = subscription.Currency.ToLowerInvariant();
        var (basisPoints, fixedAmount, months) = discount switch
        {
            DiscountPercentageOnceForeverDurationBase p => (p.BasisPoints, (long?)null, 0L),
            DiscountPercentageRepeatDurationBase p => (p.BasisPoints, null, p.DurationInMonths),
            DiscountFixedOnceForeverDurationBase f => ((long?)null, FixedIn(f.Amounts, f.Amount, f.Currency, currency), 0L),
            DiscountFixedRepeatDurationBase f => (null, FixedIn(f.Amounts, f.Amount, f.Currency, currency), f.DurationInMonths),
            _ => ((long?)null, (long?)null, 0L),
        };
        if (basisPoints is null && fixedAmount is null)
        {
            return null;
        }

        var duration = discount.Duration.Value;
        if (duration != "forever")
        {
            // Polar counts a once/repeating discount from the first order it took money off.
            var first = await FirstDiscountedOrderAsync(subscription.Id, discount.Id, cancellationToken);
            var applies = duration == "once" ? first is null : first is null || renewalAt <= first.Value.AddMonths((int)Math.Max(0, months - 1));
            if (!applies)
            {
                return null;
            }
        }

        var terms = basisPoints is { } points
            ? string.Create(CultureInfo.InvariantCulture, $"{points / 100m:0.##} % off")
            : $"{Money.Format(fixedAmount!.Value, currency)} off";
        return new DiscountTerms($"{discount.Name} ({terms}, {Describe(duration, months)})", basisPoints, fixedAmount);
    }

    private async Task<DateTimeOffset?> FirstDiscountedOrderAsync(string subscriptionId, string discountId, CancellationToken cancellationToken)
    {
        var orders = await polar.Orders.ListAsync(
            new OrderListOptions { SubscriptionId = [subscriptionId], DiscountId = [discountId], Sorting = ["created_at"], Limit = 100 },
            cancellationToken: cancellationToken);
        return orders.Items.Where(o => o.DiscountAmount > 0).Select(o => (DateTimeOffset?)o.CreatedAt).Min();
    }

    private static long? FixedIn(Dictionary<string, long>? amounts, long amount, string discountCurrency, string currency) =>
        amounts is not null && amounts.TryGetValue(currency, out var value) ? value
        : string.Equals(discountCurrency, currency, StringComparison.OrdinalIgnoreCase) ? amount
        : null;

    private static string Describe(string duration, long months) => duration switch
    {
        "once" => "first payment",
        "repeating" => string.Create(CultureInfo.InvariantCulture, $"{months} months"),
        _ => "forever",
    };
}
