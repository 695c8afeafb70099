using System.Net;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pages;

public sealed class CheckoutPageTrialTests : PageTest
{
    [Fact]
    public async Task A_trial_starts_with_a_card_that_can_be_saved_even_if_it_will_not_pay()
    {
        var checkout = await CheckoutAsync(await MonthlyProductAsync("Pro", 1500, trialDays: 14));

        var started = await SubmitCheckoutAsync(checkout, Customer(card: "4000000000000341"));
        var confirmation = await GetPageAsync(started.Location!);

        Assert.Equal(HttpStatusCode.SeeOther, started.Status);
        var subscription = await SubscriptionOfAsync(checkout.Id);
        Assert.Equal(SubscriptionStatus.Trialing, subscription.Status);
        Assert.Contains("Free trial until 16 Nov 2026, then $15.00", confirmation.Html, StringComparison.Ordinal);
        lock (Emulator.State.Gate)
        {
            Assert.Equal("4000000000000341", Emulator.State.Checkouts.Cards.CardOf(subscription.CustomerId)?.Number);
        }
    }

    [Fact]
    public async Task A_trial_cannot_start_with_a_card_that_cannot_even_be_saved()
    {
        var checkout = await CheckoutAsync(await MonthlyProductAsync("Pro", 1500, trialDays: 14));

        var page = await SubmitCheckoutAsync(checkout, Customer(card: "4000000000009995"));

        Assert.Equal(HttpStatusCode.PaymentRequired, page.Status);
        Assert.Contains("Your card has insufficient funds.", page.Html, StringComparison.Ordinal);
        Assert.Empty((await Polar.Subscriptions.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
    }

    [Fact]
    public async Task A_free_product_asks_for_no_card_and_is_fulfilled_with_an_email()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync("Free guide", 0), c => c.CustomerEmail = null);

        var page = await GetPageAsync(checkout.Url);
        var done = await PostFormAsync(checkout.Url, ("customer_email", "ada@example.com"), ("csrf", page.FormToken));

        Assert.DoesNotContain("name=\"card_number\"", page.Html, StringComparison.Ordinal);
        Assert.Contains(">Get it free</button>", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, done.Status);
        var order = Assert.Single((await Polar.Orders.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
        Assert.Equal((0L, OrderStatus.Paid), (order.TotalAmount, order.Status));
    }
}
