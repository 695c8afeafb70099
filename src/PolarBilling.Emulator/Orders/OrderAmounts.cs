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
}
