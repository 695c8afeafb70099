namespace PolarBilling.Emulator.Orders;

/// <summary>The order webhooks Polar sends; each carries the whole order.</summary>
internal enum OrderEvent
{
    /// <summary><c>order.created</c>.</summary>
    Created,

    /// <summary><c>order.updated</c>: any change, including status.</summary>
    Updated,

    /// <summary><c>order.paid</c>: the order became paid.</summary>
    Paid,

    /// <summary><c>order.refunded</c>: a refund succeeded.</summary>
    Refunded,
}
