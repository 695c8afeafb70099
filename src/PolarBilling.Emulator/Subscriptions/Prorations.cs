using PolarBilling.Client;
using PolarBilling.Emulator.Discounts;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// Polar's proration entries (<c>subscription/update.py</c>): the unused share of the current prices is credited and
/// the remaining share of the new prices is debited, by time left in the period (seconds), each rounded as Python's
/// <c>round</c> (half to even); discounts come off before prorating. Seat changes prorate the difference and truncate.
/// </summary>
internal static class Prorations
{
    /// <summary>Credit for the old prices from <paramref name="at"/> to the period end, debit for the new prices over the new cycle.</summary>
    public static List<BillingEntry> ForProductChange(
        Subscription subscription, SubscriptionLedger ledger, Product oldProduct, Product newProduct, IReadOnlyList<ProductPrice> newPrices,
        Discount? oldDiscount, Discount? newDiscount, DateTimeOffset at, DateTimeOffset newCycleStart, DateTimeOffset newCycleEnd)
    {
        var entries = new List<BillingEntry>();
        var left = BillingPeriods.Remaining(subscription.CurrentPeriodStart, subscription.CurrentPeriodEnd, at);
        var oldAmounts = subscription.Prices.Where(PriceAmounts.IsStatic)
            .Select(p => (Price: p, Amount: ledger.PriceAmounts.GetValueOrDefault(p.Id)))
            .Where(p => p.Amount > 0 && p.Price is not ProductPriceCustom)
            .ToList();
        var oldDiscounts = Allocate(oldDiscount is not null && DiscountRules.AppliesTo(oldDiscount, oldProduct.Id) ? oldDiscount : null, oldAmounts.Select(p => p.Amount).ToList(), subscription.Currency);
        for (var i = 0; i < oldAmounts.Count; i++)
        {
            var (price, amount) = oldAmounts[i];
            entries.Add(new BillingEntry(BillingEntry.Proration, true, RoundHalfEven((amount - oldDiscounts[i]) * left), oldDiscounts[i], price.Id, oldProduct.Id, at, subscription.CurrentPeriodEnd));
        }

        var ahead = BillingPeriods.Remaining(newCycleStart, newCycleEnd, at);
        var newAmounts = newPrices.Where(PriceAmounts.IsStatic)
            .Select(p => (Price: p, Amount: PriceAmounts.Of(p, subscription.Seats, null) ?? 0))
            .Where(p => p.Amount > 0)
            .ToList();
        var newDiscounts = Allocate(newDiscount is not null && DiscountRules.AppliesTo(newDiscount, newProduct.Id) ? newDiscount : null, newAmounts.Select(p => p.Amount).ToList(), subscription.Currency);
        for (var i = 0; i < newAmounts.Count; i++)
        {
            var (price, amount) = newAmounts[i];
            entries.Add(new BillingEntry(BillingEntry.Proration, false, RoundHalfEven((amount - newDiscounts[i]) * ahead), newDiscounts[i], price.Id, newProduct.Id, at, newCycleEnd));
        }

        return entries;
    }

    /// <summary>The seat difference over the time left, truncated (Polar's <c>int(Decimal(delta) * factor)</c>); none when it rounds to 0.</summary>
    public static BillingEntry? ForSeatChange(Subscription subscription, ProductPriceSeatBased seatPrice, Discount? discount, long oldSeats, long newSeats, DateTimeOffset at)
    {
        var oldAmount = PriceAmounts.SeatAmount(seatPrice.SeatTiers, oldSeats);
        var newAmount = PriceAmounts.SeatAmount(seatPrice.SeatTiers, newSeats);
        long oldDiscount = 0;
        long newDiscount = 0;
        if (discount is not null && DiscountRules.AppliesTo(discount, subscription.ProductId))
        {
            oldDiscount = DiscountRules.Apply(discount, oldAmount, subscription.Currency);
            newDiscount = DiscountRules.Apply(discount, newAmount, subscription.Currency);
        }

        var factor = BillingPeriods.Remaining(subscription.CurrentPeriodStart, subscription.CurrentPeriodEnd, at);
        var prorated = (long)decimal.Truncate((newAmount - newDiscount - (oldAmount - oldDiscount)) * factor);
        if (prorated == 0)
        {
            return null;
        }

        var discountShare = (long)decimal.Truncate(Math.Abs(newDiscount - oldDiscount) * factor);
        return new BillingEntry(
            prorated > 0 ? BillingEntry.SeatsIncrease : BillingEntry.SeatsDecrease,
            prorated < 0,
            Math.Abs(prorated),
            discountShare,
            seatPrice.Id,
            subscription.ProductId,
            at,
            subscription.CurrentPeriodEnd,
            oldSeats,
            newSeats);
    }

    /// <summary>Python's <c>round()</c> of a <c>Decimal</c>: to the nearest integer, halves to even.</summary>
    public static long RoundHalfEven(decimal value) => (long)Math.Round(value, MidpointRounding.ToEven);

    // Polar's allocate_discount_amounts: a percentage applies to each amount; a fixed amount is split in proportion.
    private static List<long> Allocate(Discount? discount, List<long> amounts, string currency)
    {
        if (discount is null || amounts.Count == 0)
        {
            return [.. amounts.Select(_ => 0L)];
        }

        if (amounts.Count == 1)
        {
            return [DiscountRules.Apply(discount, amounts[0], currency)];
        }

        var total = amounts.Sum();
        var off = DiscountRules.Apply(discount, total, currency);
        var shares = amounts.Select(a => total == 0 ? 0 : off * a / total).ToList();
        shares[^1] += off - shares.Sum();
        return shares;
    }
}
