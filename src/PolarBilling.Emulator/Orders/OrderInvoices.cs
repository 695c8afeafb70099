using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Orders;

/// <summary>
/// Invoices and receipts (server <c>order/service.py</c>, <c>order/endpoints.py</c>). Generating an invoice needs a
/// paid order with a billing name and address; Polar renders it in the background and then sends
/// <c>order.updated</c> with <c>is_invoice_generated: true</c> (the emulator renders at once). The URLs point at the
/// emulator's own pages (<see cref="OrderDocuments"/>), which stand in for Polar's presigned PDF links.
/// </summary>
internal static class OrderInvoices
{
    public static IResult Generate(EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        lock (state.Gate)
        {
            var order = OrderEngine.Refresh(state, state.Orders.Get(id));
            if (!order.Paid)
            {
                throw Problems.Error(409, "OrderNotEligibleForInvoice", $"Order {order.Id} is not paid, so an invoice cannot be generated.");
            }

            if (order.BillingName is null || order.BillingAddress is null)
            {
                throw Problems.Error(422, "MissingInvoiceBillingDetails", "Billing name and address are required to generate an invoice for this order.");
            }

            if (!order.IsInvoiceGenerated)
            {
                order.IsInvoiceGenerated = true;
                order.ModifiedAt = state.Now;
                OrderEngine.Emit(state, order, OrderEvent.Updated);
            }

            return ApiResults.Raw("null"u8.ToArray(), StatusCodes.Status202Accepted);
        }
    }

    /// <summary>The invoice's URL; 404 until it was generated (Polar's <c>InvoiceDoesNotExist</c>, answered in the spec's 404 shape).</summary>
    public static IResult Get(EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        lock (state.Gate)
        {
            var order = state.Orders.Get(id);
            return order.IsInvoiceGenerated
                ? ApiResults.Json(new OrderInvoice { Url = OrderDocuments.InvoiceUrl(state, order) })
                : throw Problems.NotFound($"No invoice exists for order {order.Id}.");
        }
    }

    /// <summary>The receipt's URL once the order is paid and numbered; until then 202 with no body (Polar: still generating).</summary>
    public static IResult Receipt(EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        lock (state.Gate)
        {
            var order = state.Orders.Get(id);
            return order.ReceiptNumber is null
                ? Results.StatusCode(StatusCodes.Status202Accepted)
                : ApiResults.Json(new OrderReceipt { Url = OrderDocuments.ReceiptUrl(state, order) });
        }
    }
}
