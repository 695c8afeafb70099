using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Checkouts;
using Xunit;

namespace PolarBilling.Emulator.Tests.Orders;

public sealed class OrderInvoiceTests : CheckoutFlowTest
{
    [Fact]
    public async Task An_invoice_needs_billing_details_then_is_generated_announced_and_served()
    {
        var ct = TestContext.Current.CancellationToken;
        var order = await BuyAsync(await OneTimeProductAsync(amount: 2500));

        var (missingStatus, missingBody) = await SendAsync(HttpMethod.Post, $"/v1/orders/{order.Id}/invoice");
        var (notYetStatus, _) = await SendAsync(HttpMethod.Get, $"/v1/orders/{order.Id}/invoice");
        var updated = await Polar.Orders.UpdateAsync(order.Id, new OrderUpdate { BillingName = "Analytical Engines Ltd" }, cancellationToken: ct);
        await Polar.Orders.GenerateInvoiceAsync(order.Id, cancellationToken: ct);
        var invoice = await Polar.Orders.GetInvoiceAsync(order.Id, cancellationToken: ct);
        var html = await Http.GetStringAsync(new Uri(invoice.Url), ct);

        Assert.Equal(422, missingStatus);
        Assert.Equal("MissingInvoiceBillingDetails", (string?)missingBody!["error"]);
        Assert.Equal(404, notYetStatus);
        Assert.Equal("Analytical Engines Ltd", updated.BillingName);
        var events = AssertWebhooks("order.updated", "order.updated");
        Assert.True(((OrderUpdatedWebhookEvent)events[1]).Data.IsInvoiceGenerated);
        Assert.Equal($"{Emulator.BaseUrl}emulator/invoices/{order.Id}", invoice.Url);
        Assert.Contains("Invoice EMULATED-ORG-0001", html, StringComparison.Ordinal);
        Assert.Contains("Analytical Engines Ltd", html, StringComparison.Ordinal);
        Assert.Contains("25.00 USD", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Billing_details_are_frozen_once_the_invoice_exists()
    {
        var order = await BuyAsync(await OneTimeProductAsync());
        await Polar.Orders.UpdateAsync(order.Id, new OrderUpdate { BillingName = "Ada" }, cancellationToken: TestContext.Current.CancellationToken);
        await Polar.Orders.GenerateInvoiceAsync(order.Id, cancellationToken: TestContext.Current.CancellationToken);

        var (status, _) = await SendAsync(HttpMethod.Patch, $"/v1/orders/{order.Id}", """{"billing_name":"Someone else"}""");

        Assert.Equal(422, status);
    }

    [Fact]
    public async Task A_paid_order_has_a_receipt_the_emulator_serves()
    {
        var order = await BuyAsync(await OneTimeProductAsync());

        var receipt = await Polar.Orders.GetReceiptAsync(order.Id, cancellationToken: TestContext.Current.CancellationToken);
        var html = await Http.GetStringAsync(new Uri(receipt!.Url), TestContext.Current.CancellationToken);

        Assert.StartsWith("RCPT-", order.ReceiptNumber, StringComparison.Ordinal);
        Assert.Contains("Receipt " + order.ReceiptNumber, html, StringComparison.Ordinal);
    }
}
