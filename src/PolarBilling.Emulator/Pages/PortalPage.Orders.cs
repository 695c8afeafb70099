using System.Text;
using PolarBilling.Client;
using PolarBilling.Emulator.Orders;
using PolarBilling.Emulator.State;
using static PolarBilling.Emulator.Pages.PageLayout;

namespace PolarBilling.Emulator.Pages;

/// <content>Orders, newest first, with their receipt and invoice documents (an invoice is generated on request, as in Polar's portal).</content>
internal static partial class PortalPage
{
    private static void Orders(StringBuilder html, EmulatorState state, PortalAccess access)
    {
        var orders = state.Orders.All.Where(o => o.CustomerId == access.Customer.Id).OrderByDescending(o => o.CreatedAt).ToList();
        html.Append("<section class=\"card orders\"><h2>Orders</h2>");
        if (orders.Count == 0)
        {
            html.Append("<p class=\"muted\">No orders.</p></section>");
            return;
        }

        html.Append("<table><tr><th>Date</th><th>Description</th><th>Status</th><th class=\"amount\">Total</th><th>Documents</th></tr>");
        foreach (var order in orders)
        {
            var status = order.Status.Value;
            html.Append("<tr class=\"order\" id=\"order-").Append(Encode(order.Id)).Append("\"><td>").Append(Date(order.CreatedAt)).Append("</td><td>")
                .Append(Encode(order.Description.Length > 0 ? order.Description : state.Products.Find(order.ProductId)?.Name)).Append("</td><td><span class=\"badge ")
                .Append(Encode(status)).Append("\">").Append(Encode(status.Replace('_', ' '))).Append("</span></td><td class=\"amount\">")
                .Append(Money(order.TotalAmount, order.Currency)).Append("</td><td class=\"actions\">");
            if (order.ReceiptNumber is not null)
            {
                html.Append("<a class=\"receipt\" href=\"").Append(Encode(OrderDocuments.ReceiptUrl(state, order))).Append("\">Receipt</a>");
            }

            if (order.IsInvoiceGenerated)
            {
                html.Append("<a class=\"invoice\" href=\"").Append(Encode(OrderDocuments.InvoiceUrl(state, order))).Append("\">Invoice</a>");
            }
            else if (order.Paid)
            {
                InvoiceForm(html, state, access, order);
            }

            html.Append("</td></tr>");
        }

        html.Append("</table></section>");
    }

    // Polar's portal asks for the billing details an invoice needs before generating it, pre-filled from the order and customer.
    private static void InvoiceForm(StringBuilder html, EmulatorState state, PortalAccess access, Order order)
    {
        html.Append("<form method=\"post\" action=\"").Append(Action(state, $"orders/{Uri.EscapeDataString(order.Id)}/invoice")).Append("\" class=\"invoice-form\">").Append(access.Fields())
            .Append("<input type=\"text\" name=\"billing_name\" aria-label=\"Billing name\" placeholder=\"Billing name\" value=\"")
            .Append(Encode(order.BillingName ?? access.Customer.BillingName ?? access.Customer.Name)).Append("\">");
        if (order.BillingAddress is null)
        {
            var address = access.Customer.BillingAddress;
            AddressInput(html, "country", "Country (e.g. US)", address?.Country);
            AddressInput(html, "line1", "Address", address?.Line1);
            AddressInput(html, "city", "City", address?.City);
            AddressInput(html, "postal_code", "Postal code", address?.PostalCode);
            AddressInput(html, "state", "State (US, CA)", address?.State);
        }

        html.Append("<button type=\"submit\">Generate invoice</button></form>");
    }

    private static void AddressInput(StringBuilder html, string name, string label, string? value) =>
        html.Append("<input type=\"text\" name=\"").Append(name).Append("\" aria-label=\"").Append(Encode(label)).Append("\" placeholder=\"").Append(Encode(label))
            .Append("\" value=\"").Append(Encode(value)).Append("\">");
}
