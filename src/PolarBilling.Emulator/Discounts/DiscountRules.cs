using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Discounts;

/// <summary>
/// How Polar decides whether a discount can be used and how much it takes off (server <c>discount/service.py</c>,
/// <c>models/discount.py</c>). Checkouts and subscriptions call these; nothing here emits a webhook, because a
/// redemption in Polar only bumps <c>redemptions_count</c> through a database trigger.
/// </summary>
internal static class DiscountRules
{
    /// <summary>
    /// The live discount whose code matches <paramref name="code"/> case-insensitively, if it is redeemable now and
    /// applies to <paramref name="productId"/> (and, for a fixed discount, has an amount in <paramref name="currency"/>).
    /// </summary>
    public static Discount? FindRedeemable(EmulatorState state, string code, string productId, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(code);
        var discount = state.Discounts.All.FirstOrDefault(d =>
            !state.Discounts.Deleted.Contains(d.Id) && string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
        return discount is not null && IsRedeemable(state, discount) && AppliesTo(discount, productId, currency) ? discount : null;
    }

    /// <summary>The same checks for a discount given by id (a checkout's <c>discount_id</c>).</summary>
    public static Discount? FindRedeemableById(EmulatorState state, string discountId, string productId, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var discount = state.Discounts.FindLive(discountId);
        return discount is not null && IsRedeemable(state, discount) && AppliesTo(discount, productId, currency) ? discount : null;
    }

    /// <summary>Started, not ended, and under <c>max_redemptions</c> (Polar's <c>is_redeemable_discount</c>).</summary>
    public static bool IsRedeemable(EmulatorState state, Discount discount)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(discount);
        var now = state.Now;
        return !state.Discounts.Deleted.Contains(discount.Id)
            && (discount.StartsAt is null || discount.StartsAt <= now)
            && (discount.EndsAt is null || discount.EndsAt >= now)
            && (discount.MaxRedemptions is null || discount.RedemptionsCount < discount.MaxRedemptions);
    }

    /// <summary>Whether <paramref name="customerId"/> is still under <c>max_redemptions_per_customer</c>.</summary>
    public static bool IsRedeemableBy(EmulatorState state, Discount discount, string customerId)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(discount);
        if (discount.MaxRedemptionsPerCustomer is not { } limit)
        {
            return true;
        }

        var used = state.Discounts.Redemptions.TryGetValue(discount.Id, out var customers) ? customers.Count(c => c == customerId) : 0;
        return used < limit;
    }

    /// <summary>No product restriction, or <paramref name="productId"/> among the discount's products; fixed needs the currency.</summary>
    public static bool AppliesTo(Discount discount, string productId, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(discount);
        if (currency is not null && discount is DiscountFixedOnceForeverDuration or DiscountFixedRepeatDuration && FixedAmount(discount, currency) is null)
        {
            return false;
        }

        return discount.Products.Count == 0 || discount.Products.Any(p => p.Id == productId);
    }

    /// <summary>
    /// The amount <paramref name="discount"/> takes off <paramref name="amount"/> (minor units of
    /// <paramref name="currency"/>): basis points rounded half away from zero as Polar's <c>polar_round</c> does,
    /// or the fixed amount for that currency capped at <paramref name="amount"/>.
    /// </summary>
    public static long Apply(Discount discount, long amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(discount);
        return discount switch
        {
            DiscountPercentageOnceForeverDuration p => PolarRound(amount * (p.BasisPoints / 10_000.0)),
            DiscountPercentageRepeatDuration p => PolarRound(amount * (p.BasisPoints / 10_000.0)),
            _ => Math.Min(FixedAmount(discount, currency) ?? 0, amount),
        };
    }

    /// <summary>Counts one redemption of <paramref name="discount"/> (by <paramref name="customerId"/> when known).</summary>
    public static void Redeem(EmulatorState state, Discount discount, string? customerId = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(discount);
        discount.RedemptionsCount++;
        if (!state.Discounts.Redemptions.TryGetValue(discount.Id, out var customers))
        {
            state.Discounts.Redemptions[discount.Id] = customers = [];
        }

        customers.Add(customerId);
    }

    /// <summary>Whether a discount first applied at <paramref name="appliedAt"/> still applies to the period starting at <paramref name="periodStart"/>.</summary>
    public static bool StillApplies(Discount discount, DateTimeOffset appliedAt, DateTimeOffset periodStart)
    {
        ArgumentNullException.ThrowIfNull(discount);
        return discount.Duration.Value switch
        {
            "once" => periodStart <= appliedAt,
            "repeating" => periodStart <= appliedAt.AddMonths((int)DurationInMonths(discount) - 1),
            _ => true,
        };
    }

    private static long DurationInMonths(Discount discount) => discount switch
    {
        DiscountPercentageRepeatDuration p => p.DurationInMonths,
        DiscountFixedRepeatDuration f => f.DurationInMonths,
        _ => 1,
    };

    private static long? FixedAmount(Discount discount, string currency)
    {
        var (amounts, single, singleCurrency) = discount switch
        {
            DiscountFixedOnceForeverDuration f => (f.Amounts, f.Amount, f.Currency),
            DiscountFixedRepeatDuration f => (f.Amounts, f.Amount, f.Currency),
            _ => (null, 0L, string.Empty),
        };
        if (amounts is not null && amounts.TryGetValue(currency, out var amount))
        {
            return amount;
        }

        return string.Equals(singleCurrency, currency, StringComparison.OrdinalIgnoreCase) ? single : null;
    }

    // Python's float arithmetic then "round .5 away from zero" (kit/math.py polar_round).
    private static long PolarRound(double value)
    {
        var fraction = value - Math.Truncate(value);
        return value >= 0
            ? (long)(fraction >= 0.5 ? Math.Ceiling(value) : Math.Floor(value))
            : (long)(fraction <= -0.5 ? Math.Floor(value) : Math.Ceiling(value));
    }
}
