using System.Globalization;
using System.Net;
using System.Text;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Orders;

/// <summary>
/// The invoice and receipt documents behind the URLs the orders API hands out, served by the emulator at
/// <c>/emulator/invoices/{order_id}</c> and <c>/emulator/receipts/{order_id}</c> as HTML (Polar serves PDFs from
/// storage; the content — number, parties, lines, totals — is the same).
/// </summary>
internal static class OrderDocuments
{
    public static string InvoiceUrl(EmulatorState state, Order order) => $"{state.BaseUrl}emulator/invoices/{order.Id}";

    public static string ReceiptUrl(EmulatorState state, Order order) => $"{state.BaseUrl}emulator/receipts/{order.Id}";

    public static IEndpointRouteBuilder MapOrderDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/emulator/invoices/{id}", (EmulatorState state, string id) => Render(state, id, invoice: true));
        app.MapGet("/emulator/receipts/{id}", (EmulatorState state, string id) => Render(state, id, invoice: false));
        return app;
    }

    private static IResult Render(EmulatorState state, string id, bool invoice)
    {
        lock (state.Gate)
        {
            var order = state.Orders.Find(id);
            var number = invoice ? order?.InvoiceNumber : order?.ReceiptNumber;
            if (order is null || number is null || (invoice && !order.IsInvoiceGenerated))
            {
                throw Problems.NotFound();
            }

            order = OrderEngine.Refresh(state, order);
            var title = invoice ? $"Invoice {number}" : $"Receipt {number}";
            var html = new StringBuilder()
                .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title></head><body>")
                .Append("<h1>").Append(Encode(title)).Append("</h1>")
                .Append("<p class=\"seller\">").Append(Encode(state.Organization.Name)).Append("</p>")
                .Append("<p class=\"buyer\">").Append(Encode(order.BillingName ?? order.Customer.Name ?? order.Customer.Email ?? string.Empty)).Append("</p>")
                .Append("<p class=\"date\">").Append(order.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</p><table>");
            foreach (var item in order.Items)
            {
                html.Append("<tr><td>").Append(Encode(item.Label)).Append("</td><td>").Append(Money(item.Amount, order.Currency)).Append("</td></tr>");
            }

            html.Append("<tr><td>Subtotal</td><td>").Append(Money(order.SubtotalAmount, order.Currency)).Append("</td></tr>")
                .Append("<tr><td>Discount</td><td>").Append(Money(-order.DiscountAmount, order.Currency)).Append("</td></tr>")
                .Append("<tr><td>Tax</td><td>").Append(Money(order.TaxAmount, order.Currency)).Append("</td></tr>")
                .Append("<tr class=\"total\"><td>Total</td><td>").Append(Money(order.TotalAmount, order.Currency)).Append("</td></tr>")
                .Append("</table></body></html>");
            return Results.Content(html.ToString(), "text/html; charset=utf-8");
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Money(long cents, string currency) =>
        (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " " + currency.ToUpperInvariant();
}
