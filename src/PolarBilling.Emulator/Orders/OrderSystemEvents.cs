using PolarBilling.Client;
using PolarBilling.Emulator.Events;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Orders;

/// <summary>The system events Polar records for orders (server <c>event/system.py</c>): <c>order.paid</c> and <c>order.refunded</c>.</summary>
internal static class OrderSystemEvents
{
    public static void Paid(EmulatorState state, Order order)
    {
        if (state.Customers.Find(order.CustomerId) is not { } customer)
        {
            return;
        }

        var metadata = new OrderPaidMetadata
        {
            OrderId = order.Id,
            ProductId = order.ProductId,
            BillingType = order.Product?.IsRecurring == true ? "recurring" : "one_time",
            Amount = order.TotalAmount,
            Currency = order.Currency,
            NetAmount = order.NetAmount,
            TaxAmount = order.TaxAmount,
            AppliedBalanceAmount = order.AppliedBalanceAmount,
            DiscountAmount = order.DiscountAmount,
            DiscountId = order.DiscountId,
            PlatformFee = order.PlatformFeeAmount,
            SubscriptionId = order.SubscriptionId,
            RecurringInterval = order.Subscription?.RecurringInterval.Value,
            RecurringIntervalCount = order.Subscription?.RecurringIntervalCount,
        };
        SystemEvents.Record(state, new OrderPaidEvent { Metadata = metadata }, customer, "order.paid");
    }

    public static void Refunded(EmulatorState state, Order order)
    {
        if (state.Customers.Find(order.CustomerId) is { } customer)
        {
            var metadata = new OrderRefundedMetadata { OrderId = order.Id, RefundedAmount = order.RefundedAmount, Currency = order.Currency };
            SystemEvents.Record(state, new OrderRefundedEvent { Metadata = metadata }, customer, "order.refunded");
        }
    }
}
