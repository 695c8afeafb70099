using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Checkouts;
using Xunit;

namespace PolarBilling.Emulator.Tests.Orders;

public sealed class OffSessionChargeTests : CheckoutFlowTest
{
    [Fact]
    public async Task A_draft_order_is_charged_to_the_customers_saved_card_on_finalize()
    {
        var ct = TestContext.Current.CancellationToken;
        var ebook = await OneTimeProductAsync();
        var workshop = await OneTimeProductAsync("Onboarding workshop", 25000);
        var first = await BuyAsync(ebook);

        var draft = await Polar.Orders.CreateAsync(new OrderCreate { CustomerId = first.CustomerId, ProductId = workshop.Id }, cancellationToken: ct);
        var noWebhooksYet = TakeWebhooks();
        var paid = await Polar.Orders.FinalizeAsync(draft.Id, cancellationToken: ct);

        Assert.Equal(OrderStatus.Draft, draft.Status);
        Assert.Null(draft.InvoiceNumber);
        Assert.Equal(25000, draft.TotalAmount);
        Assert.Empty(noWebhooksYet);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal("EMULATED-ORG-0002", paid.InvoiceNumber);
        AssertWebhooks("order.created", "order.updated", "order.paid");
    }

    [Fact]
    public async Task Finalizing_without_a_saved_card_or_against_a_card_that_declines_answers_402_and_keeps_the_draft()
    {
        var ct = TestContext.Current.CancellationToken;
        var ebook = await OneTimeProductAsync();
        var freeOrder = await BuyAsync(await OneTimeProductAsync("Free guide", 0));
        var trialOrder = await BuyAsync(await MonthlyProductAsync("Pro", 1500, trialDays: 7), c =>
        {
            c.CustomerEmail = "grace@example.com";
        });
        await SendAsync(HttpMethod.Put, $"/emulator/customers/{trialOrder.CustomerId}/card", """{"card":"4000000000000341"}""");
        var noCard = await Polar.Orders.CreateAsync(new OrderCreate { CustomerId = freeOrder.CustomerId, ProductId = ebook.Id, Amount = 700 }, cancellationToken: ct);
        var declines = await Polar.Orders.CreateAsync(new OrderCreate { CustomerId = trialOrder.CustomerId, ProductId = ebook.Id }, cancellationToken: ct);

        var (noCardStatus, noCardBody) = await SendAsync(HttpMethod.Post, $"/v1/orders/{noCard.Id}/finalize", "{}");
        var (declinedStatus, declinedBody) = await SendAsync(HttpMethod.Post, $"/v1/orders/{declines.Id}/finalize", "{}");

        Assert.Equal(402, noCardStatus);
        Assert.Equal("PaymentFailed", (string?)noCardBody!["error"]);
        Assert.Equal(402, declinedStatus);
        Assert.Equal($"Card payment failed for order {declines.Id}: Your card was declined.", (string?)declinedBody!["detail"]);
        var stillDraft = await Polar.Orders.GetAsync(declines.Id, cancellationToken: ct);
        Assert.Equal(OrderStatus.Draft, stillDraft.Status);
        Assert.Equal(700, (await Polar.Orders.GetAsync(noCard.Id, cancellationToken: ct)).TotalAmount);
        Assert.Empty(TakeWebhooks());
    }

    [Fact]
    public async Task A_trial_can_be_started_with_a_card_that_declines_later_charges_but_not_with_a_declined_card()
    {
        var pro = await MonthlyProductAsync("Pro", 1500, trialDays: 7);
        var saved = await CheckoutAsync(pro);
        var refused = await CheckoutAsync(pro, c => c.CustomerEmail = "grace@example.com");

        var (savedStatus, _) = await CompleteAsync(saved.Id, "4000000000000341");
        var (refusedStatus, _) = await CompleteAsync(refused.Id, "4000000000000002");

        Assert.Equal(200, savedStatus);
        Assert.Equal(402, refusedStatus);
    }

    [Fact]
    public async Task Only_a_draft_can_be_finalized()
    {
        var order = await BuyAsync(await OneTimeProductAsync());

        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/orders/{order.Id}/finalize", "{}");

        Assert.Equal(412, status);
        Assert.Equal("OrderNotDraft", (string?)body!["error"]);
    }
}
