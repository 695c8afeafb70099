using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.Checkouts;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Orders;

/// <summary>
/// Off-session charges (<c>orders:create</c> + <c>orders:finalize</c>): a <c>draft</c> order without invoice number,
/// then a synchronous charge of the customer's saved card. On success the order is numbered, <c>paid</c>, announced
/// (<c>order.created</c>, <c>order.updated</c>, <c>order.paid</c>) and its benefits granted before the answer; on
/// failure it stays a draft and the call answers 402 <c>PaymentFailed</c>. Polar's draft service is not public; the
/// emulator announces a draft only once it is finalized.
/// </summary>
internal static class OrderDrafts
{
    public static IResult Create(HttpContext context, EmulatorState state)
    {
        var body = context.Body<OrderCreate>();
        lock (state.Gate)
        {
            var customer = CustomerEngine.Find(state, body.CustomerId)
                ?? throw Problems.InvalidField("customer_id", "Customer does not exist.", JsonValue.Create(body.CustomerId));
            var product = state.Products.Find(body.ProductId);
            if (product is null || product.IsArchived)
            {
                throw Problems.InvalidField("product_id", product is null ? "Product does not exist." : "Product is archived.", JsonValue.Create(body.ProductId));
            }

            var price = product.Prices.FirstOrDefault(PriceAmounts.IsStatic);
            var amount = body.Amount ?? (price is null ? null : PriceAmounts.Of(price, seats: null, customAmount: null))
                ?? throw Problems.InvalidField("amount", "An amount is required for a product without a static price.");
            var line = new OrderLine(body.Description ?? product.Name, amount, Proration: false, body.Amount is null ? price?.Id : null);
            var currency = body.Currency ?? price?.PriceCurrency ?? "usd";
            var order = OrderEngine.Build(state, new OrderDraft(customer, product, OrderBillingReason.Purchase, [line], currency, Metadata: body.Metadata), OrderStatus.Draft);
            order.CustomFieldData = body.CustomFieldData;
            state.Orders.Add(order);
            return ApiResults.Created(OrderEngine.Refresh(state, order));
        }
    }

    public static IResult Finalize(EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        lock (state.Gate)
        {
            var order = state.Orders.Get(id);
            if (order.Status != OrderStatus.Draft)
            {
                throw Problems.Error(412, "OrderNotDraft", $"Order {order.Id} is not a draft: {order.Status.Value}");
            }

            var card = state.Checkouts.Cards.CardOf(order.CustomerId)
                ?? throw Problems.Error(402, "PaymentFailed", "The customer has no saved payment method to charge.");
            if (!card.Pays)
            {
                throw Problems.Error(402, "PaymentFailed", $"Card payment failed for order {order.Id}: {card.Message}");
            }

            order.Status = OrderStatus.Paid;
            order.CreatedAt = state.Now;
            order.InvoiceNumber = OrderNumbers.NextInvoiceNumber(state);
            order.ReceiptNumber = OrderNumbers.NextReceiptNumber(state, order.CustomerId);
            OrderEngine.Announce(state, order);
            BenefitGrantEngine.GrantForOrder(state, order);
            return ApiResults.Json(OrderEngine.Refresh(state, order));
        }
    }
}
