using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Orders;

/// <summary>
/// Bills a customer once, as Polar's order service does (server <c>order/service.py</c>): the order with its items,
/// discount, invoice number, then <c>order.created</c> and, when the payment already succeeded,
/// <c>order.updated</c> + <c>order.paid</c> (Polar's <c>_on_order_created</c> pretends the order was pending).
/// Checkouts, subscription cycles and plan changes all come through here. Call under the state lock.
/// </summary>
internal static class OrderEngine
{
    /// <summary>Creates, stores and announces the order of <paramref name="draft"/>.</summary>
    public static Order Create(EmulatorState state, OrderDraft draft)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(draft);
        var order = Build(state, draft, draft.Paid ? OrderStatus.Paid : OrderStatus.Pending);
        order.InvoiceNumber = OrderNumbers.NextInvoiceNumber(state);
        if (draft.Paid)
        {
            order.ReceiptNumber = OrderNumbers.NextReceiptNumber(state, order.CustomerId);
        }

        state.Orders.Add(order);

        // Build embedded the draft's objects a moment ago, under the same lock; when they are the stored ones, projecting
        // them again for the announcement would only repeat that work (a renewal is one order among thousands).
        var fresh = EmbedsStoredObjects(state, draft) ? order : Refresh(state, order);
        EmitFresh(state, fresh, OrderEvent.Created);
        if (order.Status == OrderStatus.Paid)
        {
            OnPaid(state, fresh);
        }

        return order;
    }

    private static bool EmbedsStoredObjects(EmulatorState state, OrderDraft draft) =>
        ReferenceEquals(state.Customers.Find(draft.Customer.Id), draft.Customer)
        && ReferenceEquals(state.Products.Find(draft.Product.Id), draft.Product)
        && (draft.Discount is null || ReferenceEquals(state.Discounts.Find(draft.Discount.Id), draft.Discount))
        && (draft.Subscription is null || ReferenceEquals(state.Subscriptions.Find(draft.Subscription.Id), draft.Subscription));

    /// <summary>Polar's <c>_on_order_created</c>: <c>order.created</c>, then for a paid order <c>order.updated</c> + <c>order.paid</c>.</summary>
    public static void Announce(EmulatorState state, Order order)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(order);
        var fresh = Refresh(state, order);
        EmitFresh(state, fresh, OrderEvent.Created);
        if (order.Status == OrderStatus.Paid)
        {
            OnPaid(state, fresh);
        }
    }

    /// <summary>
    /// Builds an order without storing or announcing it: items, subtotal, the discount on the non-proration lines
    /// (Polar: "prorations use last month's discount"), tax 0 (the emulator models no tax), computed totals.
    /// </summary>
    public static Order Build(EmulatorState state, OrderDraft draft, OrderStatus status)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(draft);
        var now = state.Now;
        var items = draft.Lines.Select(line => new OrderItemSchema
        {
            Id = PolarTokens.NewId(),
            CreatedAt = now,
            Label = line.Label,
            Amount = line.Amount,
            TaxAmount = 0,
            Proration = line.Proration,
            ProductPriceId = line.ProductPriceId,
        }).ToList();
        var discountable = draft.Lines.Where(l => !l.Proration).Sum(l => l.Amount);
        var order = new Order
        {
            Id = PolarTokens.NewId(),
            CreatedAt = now,
            Status = status,
            SubtotalAmount = items.Sum(i => i.Amount),
            DiscountAmount = draft.Discount is null ? 0 : DiscountRules.Apply(draft.Discount, Math.Max(0, discountable), draft.Currency),
            Currency = draft.Currency,
            BillingReason = draft.BillingReason,
            BillingName = draft.Customer.BillingName,
            BillingAddress = draft.Customer.BillingAddress,
            CustomerId = draft.Customer.Id,
            ProductId = draft.Product.Id,
            DiscountId = draft.Discount?.Id,
            SubscriptionId = draft.Subscription?.Id,
            CheckoutId = draft.CheckoutId,
            Metadata = draft.Metadata is null ? [] : new Dictionary<string, MetadataValue>(draft.Metadata),
            Customer = ModelProjection.As<OrderCustomer>(draft.Customer),
            Product = ModelProjection.As<OrderProduct>(draft.Product),
            Discount = draft.Discount is null ? null : ModelProjection.As<DiscountBase>(draft.Discount),
            Subscription = draft.Subscription is null ? null : ModelProjection.As<OrderSubscription>(draft.Subscription),
            Items = items,
            Seats = draft.Seats,
        };
        OrderAmounts.Compute(order);
        return order;
    }

    /// <summary>
    /// A pending or draft order whose payment succeeded: <c>paid</c>, a receipt number, then <c>order.updated</c> and
    /// <c>order.paid</c> (Polar's <c>handle_payment</c> → <c>_on_order_updated</c>).
    /// </summary>
    public static Order MarkPaid(EmulatorState state, Order order)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status == OrderStatus.Paid)
        {
            return order;
        }

        order.Status = OrderStatus.Paid;
        order.ModifiedAt = state.Now;
        order.InvoiceNumber ??= OrderNumbers.NextInvoiceNumber(state);
        order.ReceiptNumber ??= OrderNumbers.NextReceiptNumber(state, order.CustomerId);
        OnPaid(state, Refresh(state, order));
        return order;
    }

    /// <summary>The order with its embedded customer, product, discount and subscription as they are now, and its computed amounts.</summary>
    public static Order Refresh(EmulatorState state, Order order)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(order);
        if (state.Customers.Find(order.CustomerId) is { } customer)
        {
            order.Customer = ModelProjection.As<OrderCustomer>(customer);
        }

        if (state.Products.Find(order.ProductId) is { } product)
        {
            order.Product = ModelProjection.As<OrderProduct>(product);
        }

        if (state.Discounts.Find(order.DiscountId) is { } discount)
        {
            order.Discount = ModelProjection.As<DiscountBase>(discount);
        }

        if (state.Subscriptions.Find(order.SubscriptionId) is { } subscription)
        {
            order.Subscription = ModelProjection.As<OrderSubscription>(subscription);
        }

        OrderAmounts.Compute(order);
        return order;
    }

    /// <summary>Emits <c>order.created</c>, <c>order.updated</c>, <c>order.paid</c> or <c>order.refunded</c> with the order as it is now.</summary>
    public static void Emit(EmulatorState state, Order order, OrderEvent kind)
    {
        ArgumentNullException.ThrowIfNull(state);
        EmitFresh(state, Refresh(state, order), kind);
    }

    // Emits an order already refreshed (one refresh serves the order.created, order.updated, order.paid of one change).
    private static void EmitFresh(EmulatorState state, Order fresh, OrderEvent kind)
    {
        PolarWebhookEvent webhookEvent = kind switch
        {
            OrderEvent.Created => new OrderCreatedWebhookEvent(fresh, state.Now),
            OrderEvent.Updated => new OrderUpdatedWebhookEvent(fresh, state.Now),
            OrderEvent.Paid => new OrderPaidWebhookEvent(fresh, state.Now),
            _ => new OrderRefundedWebhookEvent(fresh, state.Now),
        };
        state.Webhooks.Emit(webhookEvent);
    }

    // Polar's _on_order_updated + _on_order_paid: order.updated, order.paid, then the order.paid system event.
    private static void OnPaid(EmulatorState state, Order order)
    {
        EmitFresh(state, order, OrderEvent.Updated);
        EmitFresh(state, order, OrderEvent.Paid);
        OrderSystemEvents.Paid(state, order);
    }
}
