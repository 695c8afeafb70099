using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Orders (payment history), invoices and receipts: <c>/v1/orders/</c>.</summary>
public sealed partial class OrdersService
{
    internal OrdersService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }
}
