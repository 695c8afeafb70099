using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Orders;
using PolarBilling.Emulator.Refunds;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Triggers;

/// <summary>
/// Order moments. <c>order.paid</c> and <c>order.created</c>: the customer buys the product through a checkout paid on
/// the hosted page (a recurring product starts a subscription, with Polar's refusal if the customer already has one).
/// <c>order.refunded</c>: a refund through Polar's refunds API, of the whole refundable amount unless <c>amount</c> is
/// given (<c>revoke_benefits</c> as Polar's refund option), with Polar's refusals.
/// </summary>
internal static class OrderTriggers
{
    public static IEnumerable<Trigger> All { get; } =
    [
        new("order.created", ["product_id", "customer_id"], Purchase),
        new("order.paid", ["product_id", "customer_id"], Purchase),
        new("order.refunded", ["order_id"], Refunded),
    ];

    private static JsonNode Purchase(EmulatorState state, TriggerRequest request)
    {
        var product = request.Product(state);
        var customer = request.Customer(state);
        var card = TriggerPurchase.Card(state, request, customer);
        TriggerPurchase.EnsureNoSecondSubscription(state, product, customer);
        var checkout = TriggerPurchase.Open(state, product, customer);
        var order = TriggerPurchase.Pay(state, checkout, card);
        return TriggerRequest.Answer(OrderEngine.Refresh(state, order));
    }

    private static JsonNode Refunded(EmulatorState state, TriggerRequest request)
    {
        var order = OrderEngine.Refresh(state, request.Order(state));
        var create = new RefundCreate
        {
            OrderId = order.Id,
            Amount = request.Long("amount") ?? order.RefundableAmount,
            Reason = request.String("reason") ?? RefundReason.CustomerRequest.Value,
            RevokeBenefits = request.Flag("revoke_benefits"),
        };
        RefundEngine.Create(state, order, create);
        return TriggerRequest.Answer(OrderEngine.Refresh(state, order));
    }
}
