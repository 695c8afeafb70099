using PolarBilling.Client;

namespace PolarBilling.Emulator.Orders;

/// <summary>Polar's order arithmetic (server <c>models/order.py</c>, <c>models/discount.py</c>).</summary>
internal static class OrderAmounts
{
    /// <summary>Fills the amounts Polar derives: net, total, due, refundable and <c>paid</c>.</summary>
    public static void Compute(Order order)
    {
        order.NetAmount = order.SubtotalAmount - order.DiscountAmount;
        order.TotalAmount = order.NetAmount + order.TaxAmount;
        order.DueAmount = Math.Max(0, order.TotalAmount + order.AppliedBalanceAmount);
        order.RefundableAmount = order.NetAmount + order.AppliedBalanceAmount - order.RefundedAmount;
        order.RefundableTaxAmount = order.TaxAmount - order.RefundedTaxAmount;
        order.Paid = order.Status == OrderStatus.Paid || order.Status == OrderStatus.Refunded || order.Status == OrderStatus.PartiallyRefunded;
        order.Description = order.Product?.Name ?? order.Items.FirstOrDefault()?.Label ?? string.Empty;
    }

    /// <summary>
    /// The cents <paramref name="discount"/> takes off <paramref name="amount"/>: a percentage rounded half away from
    /// zero (Polar's <c>polar_round</c>), a fixed amount capped at the amount (0 in another currency).
    /// </summary>
    public static long DiscountOff(Discount discount, long amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(discount);
        return discount switch
        {
            DiscountPercentageOnceForeverDuration p => Percentage(amount, p.BasisPoints),
            DiscountPercentageRepeatDuration p => Percentage(amount, p.BasisPoints),
            DiscountFixedOnceForeverDuration f => Fixed(amount, f.Amount, f.Currency, f.Amounts, currency),
            DiscountFixedRepeatDuration f => Fixed(amount, f.Amount, f.Currency, f.Amounts, currency),
            _ => 0,
        };
    }

    private static long Percentage(long amount, long basisPoints) =>
        (long)Math.Round(amount * (basisPoints / 10_000m), MidpointRounding.AwayFromZero);

    private static long Fixed(long amount, long fixedAmount, string fixedCurrency, Dictionary<string, long> amounts, string currency)
    {
        var off = amounts.TryGetValue(currency, out var inCurrency) ? inCurrency
            : string.Equals(fixedCurrency, currency, StringComparison.OrdinalIgnoreCase) ? fixedAmount : 0;
        return Math.Min(off, amount);
    }
}
