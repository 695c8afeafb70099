using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.Orders;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Refunds;

/// <summary>
/// Refunds a paid order as Polar's <c>refund/service.py create</c> does with a card refund Stripe completes at once:
/// the order's refunded amount and status move (<c>order.updated</c>), the refund is stored as <c>succeeded</c>
/// (<c>refund.created</c>), <c>order.refunded</c> follows, benefits are revoked when asked (one-time orders only), and
/// Stripe's own refund event then makes Polar send <c>refund.updated</c>. The emulator models no tax, so the refund's
/// tax part is 0.
/// </summary>
internal static class RefundEngine
{
    /// <exception cref="EmulatorProblem">
    /// 403 <c>RefundedAlready</c>; 400 <c>RevokeSubscriptionBenefitsProhibited</c> or <c>RefundAmountTooHigh</c>;
    /// 404 <c>RefundUnknownPayment</c> for an order nobody paid for.
    /// </exception>
    public static Refund Create(EmulatorState state, Order order, RefundCreate create)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(create);
        OrderEngine.Refresh(state, order);
        if (order.Status == OrderStatus.Refunded)
        {
            throw Problems.Error(403, "RefundedAlready", $"Order is already fully refunded: {order.Id}");
        }

        var revokeBenefits = create.RevokeBenefits ?? false;
        if (revokeBenefits && order.SubscriptionId is not null)
        {
            throw Problems.Error(400, "RevokeSubscriptionBenefitsProhibited", "Subscription benefits can only be revoked upon cancellation");
        }

        if (create.Amount > order.RefundableAmount)
        {
            throw Problems.Error(400, "RefundAmountTooHigh", $"Refund amount exceeds remaining order balance: {order.RefundableAmount}");
        }

        if (!order.Paid || order.TotalAmount <= 0)
        {
            // No charge exists to refund: a pending, draft or free order.
            throw Problems.Error(404, "RefundUnknownPayment", $"Refund issued for unknown order: {order.Id}");
        }

        var refund = new Refund
        {
            Id = PolarTokens.NewId(),
            CreatedAt = state.Now,
            Metadata = create.Metadata ?? [],
            Status = RefundStatus.Succeeded,
            Reason = new RefundReason(create.Reason),
            Amount = create.Amount,
            TaxAmount = 0,
            Currency = order.Currency,
            OrganizationId = state.Organization.Id,
            OrderId = order.Id,
            SubscriptionId = order.SubscriptionId,
            CustomerId = order.CustomerId,
            RevokeBenefits = revokeBenefits,
        };
        state.Refunds.Add(refund);
        UpdateOrder(state, order, refund.Amount);
        state.Webhooks.Emit(new RefundCreatedWebhookEvent(refund, state.Now));
        OrderSystemEvents.Refunded(state, order);
        OrderEngine.Emit(state, order, OrderEvent.Refunded);
        if (revokeBenefits)
        {
            RefundBenefits.Revoke(state, order);
        }

        refund.ModifiedAt = state.Now;
        state.Webhooks.Emit(new RefundUpdatedWebhookEvent(refund, state.Now));
        return refund;
    }

    // Polar's Order.update_refunds, then order.updated.
    private static void UpdateOrder(EmulatorState state, Order order, long amount)
    {
        order.RefundedAmount += amount;
        order.Status = order.RefundedAmount == order.NetAmount + order.AppliedBalanceAmount ? OrderStatus.Refunded : OrderStatus.PartiallyRefunded;
        order.ModifiedAt = state.Now;
        OrderEngine.Emit(state, order, OrderEvent.Updated);
    }

    /// <summary>422 at <c>body.order_id</c> when the order does not exist (Polar: "Order not found").</summary>
    public static EmulatorProblem OrderNotFound(string orderId) =>
        Problems.InvalidField("order_id", "Order not found", JsonValue.Create(orderId));
}
