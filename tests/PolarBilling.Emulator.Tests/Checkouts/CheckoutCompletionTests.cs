using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

public sealed class CheckoutCompletionTests : CheckoutFlowTest
{
    [Fact]
    public async Task Paying_a_one_time_product_creates_the_customer_and_a_paid_purchase_order_in_Polars_webhook_order()
    {
        var ebook = await OneTimeProductAsync(amount: 2500);
        var checkout = await CheckoutAsync(ebook, c =>
        {
            c.ExternalCustomerId = "user_42";
            c.Metadata = new Dictionary<string, MetadataValue> { ["plan"] = "ebook" };
        });
        TakeWebhooks();

        var (status, body) = await CompleteAsync(checkout.Id, "4242 4242 4242 4242");

        Assert.Equal(200, status);
        Assert.Equal("succeeded", (string?)body!["status"]);
        var events = AssertWebhooks(
            "checkout.updated", "customer.created", "customer.state_changed", "order.created", "order.updated", "order.paid", "checkout.updated");
        Assert.Equal(CheckoutStatus.Confirmed, ((CheckoutUpdatedWebhookEvent)events[0]).Data.Status);
        var customer = ((CustomerCreatedWebhookEvent)events[1]).Data;
        Assert.Equal("user_42", customer.ExternalId);
        var paid = ((OrderPaidWebhookEvent)events[5]).Data;
        Assert.Equal(OrderBillingReason.Purchase, paid.BillingReason);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal((2500, 0, 2500, 2500), (paid.SubtotalAmount, paid.DiscountAmount, paid.NetAmount, paid.TotalAmount));
        Assert.Equal(checkout.Id, paid.CheckoutId);
        Assert.Equal("ebook", paid.Metadata["plan"].ToString());
        Assert.Equal("EMULATED-ORG-0001", paid.InvoiceNumber);
        Assert.Equal(ebook.Name, Assert.Single(paid.Items).Label);
        var succeeded = ((CheckoutUpdatedWebhookEvent)events[6]).Data;
        Assert.Equal(CheckoutStatus.Succeeded, succeeded.Status);
        Assert.Equal(customer.Id, succeeded.CustomerId);
    }

    [Fact]
    public async Task A_checkout_for_a_known_external_id_pays_as_that_customer()
    {
        var ebook = await OneTimeProductAsync();
        var first = await BuyAsync(ebook, c => c.ExternalCustomerId = "user_42");

        var checkout = await CheckoutAsync(ebook, c => { c.ExternalCustomerId = "user_42"; c.CustomerEmail = null; });
        TakeWebhooks();
        var (status, _) = await CompleteAsync(checkout.Id);

        Assert.Equal(first.CustomerId, checkout.CustomerId);
        Assert.Equal("ada@example.com", checkout.CustomerEmail);
        Assert.Equal(200, status);
        AssertWebhooks("checkout.updated", "customer.updated", "customer.state_changed", "order.created", "order.updated", "order.paid", "checkout.updated");
    }

    [Theory]
    [InlineData("4000000000000002", "Your card was declined.")]
    [InlineData("4000000000009995", "Your card has insufficient funds.")]
    public async Task A_failing_test_card_answers_402_and_leaves_the_checkout_open_with_nothing_emitted(string card, string message)
    {
        var ebook = await OneTimeProductAsync();
        var checkout = await CheckoutAsync(ebook);
        TakeWebhooks();

        var (status, body) = await CompleteAsync(checkout.Id, card);

        Assert.Equal(402, status);
        Assert.Equal("PaymentFailed", (string?)body!["error"]);
        Assert.Equal($"The payment failed: {message} Please try again with a different payment method.", (string?)body["detail"]);
        Assert.Empty(TakeWebhooks());
        var after = await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(CheckoutStatus.Open, after.Status);
        Assert.Null(after.CustomerId);
        Assert.Empty((await Polar.Orders.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
    }

    [Fact]
    public async Task The_customer_can_retry_a_declined_checkout_with_a_good_card()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());
        await CompleteAsync(checkout.Id, "4000000000000002");

        var (status, _) = await CompleteAsync(checkout.Id, "4242424242424242");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task An_unknown_card_number_is_a_bad_control_request_naming_the_test_cards()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());

        var (status, body) = await CompleteAsync(checkout.Id, "4111111111111111");

        Assert.Equal(400, status);
        Assert.Equal("InvalidControlRequest", (string?)body!["error"]);
        Assert.Contains("4000000000009995", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_succeeded_checkout_cannot_be_completed_again()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());
        await CompleteAsync(checkout.Id);

        var (status, body) = await CompleteAsync(checkout.Id);

        Assert.Equal(403, status);
        Assert.Equal("NotOpenCheckout", (string?)body!["error"]);
        Assert.Equal($"Checkout {checkout.Id} is not open: succeeded", (string?)body["detail"]);
    }

    [Fact]
    public async Task Completing_an_unknown_checkout_is_404()
    {
        var (status, body) = await CompleteAsync(Guid.NewGuid().ToString());

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFound", (string?)body!["error"]);
    }

    [Fact]
    public async Task A_free_product_is_fulfilled_without_a_card_and_billed_as_a_zero_order()
    {
        var guide = await OneTimeProductAsync("Free guide", 0);
        var checkout = await CheckoutAsync(guide);

        var order = await PayAsync(checkout);

        Assert.Equal(0, order.TotalAmount);
        Assert.Equal(OrderStatus.Paid, order.Status);
    }
}
