using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

public sealed class CheckoutStateExportTests : CheckoutFlowTest
{
    [Fact]
    public async Task Checkouts_orders_refunds_success_urls_and_saved_cards_survive_export_and_import()
    {
        var ct = TestContext.Current.CancellationToken;
        var ebook = await OneTimeProductAsync(amount: 2500);
        var checkout = await CheckoutAsync(ebook, c => c.SuccessUrl = "https://app.example.com/done/{CHECKOUT_ID}");
        var order = await PayAsync(checkout);
        var refund = await Polar.Refunds.CreateAsync(new RefundCreate { OrderId = order.Id, Reason = "customer_request", Amount = 500 }, cancellationToken: ct);
        var export = await Http.GetStringAsync("/emulator/state", ct);

        await SendAsync(HttpMethod.Post, "/emulator/reset");
        Assert.Empty((await Polar.Orders.ListAsync(cancellationToken: ct)).Items);
        using var content = new StringContent(export, System.Text.Encoding.UTF8, "application/json");
        var imported = await Http.PutAsync("/emulator/state", content, ct);

        Assert.Equal(204, (int)imported.StatusCode);
        var restored = await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: ct);
        Assert.Equal(CheckoutStatus.Succeeded, restored.Status);
        Assert.Equal($"https://app.example.com/done/{checkout.Id}", restored.SuccessUrl);
        var restoredOrder = await Polar.Orders.GetAsync(order.Id, cancellationToken: ct);
        Assert.Equal((OrderStatus.PartiallyRefunded, 500L, 2000L), (restoredOrder.Status, restoredOrder.RefundedAmount, restoredOrder.RefundableAmount));
        Assert.Equal(refund.Id, Assert.Single((await Polar.Refunds.ListAsync(cancellationToken: ct)).Items).Id);
        var draft = await Polar.Orders.CreateAsync(new OrderCreate { CustomerId = order.CustomerId, ProductId = ebook.Id }, cancellationToken: ct);
        var charged = await Polar.Orders.FinalizeAsync(draft.Id, cancellationToken: ct);
        Assert.Equal(OrderStatus.Paid, charged.Status);
        Assert.Equal("EMULATED-ORG-0002", charged.InvoiceNumber);
    }
}
