using System.Net;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pages;

public sealed class CheckoutPageTests : PageTest
{
    [Fact]
    public async Task The_page_at_the_checkout_url_shows_the_product_price_trial_total_and_test_cards()
    {
        var pro = await MonthlyProductAsync("Pro", 1500, trialDays: 14);
        var checkout = await CheckoutAsync(pro);

        var page = await GetPageAsync(checkout.Url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.ContentType);
        Assert.Contains("default-src 'none'", page.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h1 class=\"product\">Pro</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains("$15.00 / month", page.Html, StringComparison.Ordinal);
        Assert.Contains("Free trial for 14 days. Your first charge of $15.00 is on 16 Nov 2026.", page.Html, StringComparison.Ordinal);
        Assert.Contains("<td>Due today</td><td class=\"amount\">$0.00</td>", page.Html, StringComparison.Ordinal);
        Assert.Contains("4242424242424242 (pays)", page.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"ada@example.com\"", page.Html, StringComparison.Ordinal);
        Assert.Contains(">Start trial</button>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_time_product_shows_subtotal_taxes_and_the_total_to_pay()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync("Ebook", 2500));

        var page = await GetPageAsync(checkout.Url);

        Assert.Contains("<td>Subtotal</td><td class=\"amount\">$25.00</td>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<td>Taxes</td><td class=\"amount\">Calculated from your billing address</td>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"total\"><td>Total</td><td class=\"amount\">$25.00</td>", page.Html, StringComparison.Ordinal);
        Assert.Contains(">Pay $25.00</button>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paying_with_4242_redirects_to_the_success_url_and_creates_customer_order_and_subscription_with_their_webhooks()
    {
        var pro = await MonthlyProductAsync("Pro", 1500);
        var checkout = await CheckoutAsync(pro, c => c.SuccessUrl = "https://app.example.com/thanks?checkout={CHECKOUT_ID}");
        TakeWebhooks();

        var page = await SubmitCheckoutAsync(checkout, Customer());

        Assert.Equal(HttpStatusCode.SeeOther, page.Status);
        Assert.StartsWith($"https://app.example.com/thanks?checkout={checkout.Id}&customer_session_token=polar_cst_", page.Location, StringComparison.Ordinal);
        var events = AssertWebhooks(
            "checkout.updated", "customer.created", "customer.state_changed",
            "subscription.created", "subscription.active", "subscription.updated", "customer.state_changed",
            "order.created", "order.updated", "order.paid", "checkout.updated");
        var customer = ((CustomerCreatedWebhookEvent)events[1]).Data;
        Assert.Equal(("ada@example.com", "Ada Lovelace"), (((CustomerIndividual)customer).Email, customer.Name));
        Assert.Equal("US-CA", customer.BillingAddress?.State);
        var paid = ((OrderPaidWebhookEvent)events[9]).Data;
        Assert.Equal((1500L, OrderBillingReason.SubscriptionCreate), (paid.TotalAmount, paid.BillingReason));
        Assert.Equal(CheckoutStatus.Succeeded, ((CheckoutUpdatedWebhookEvent)events[10]).Data.Status);
        var after = await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(CheckoutStatus.Succeeded, after.Status);
        var subscription = await SubscriptionOfAsync(checkout.Id);
        Assert.Equal((SubscriptionStatus.Active, pro.Id, customer.Id), (subscription.Status, subscription.ProductId, subscription.CustomerId));
    }

    [Fact]
    public async Task Without_a_success_url_the_customer_lands_on_the_confirmation_page_linking_to_the_portal()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync("Ebook", 2500));

        var paid = await SubmitCheckoutAsync(checkout, Customer());
        var confirmation = await GetPageAsync(paid.Location!);
        var portal = await GetPageAsync(confirmation.Link("portal"));

        Assert.StartsWith($"{Emulator.BaseUrl}checkout/{checkout.ClientSecret}/confirmation?customer_session_token=", paid.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Contains("Thank you!", confirmation.Html, StringComparison.Ordinal);
        Assert.Contains("$25.00", confirmation.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, portal.Status);
        Assert.Contains("Ebook", portal.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_card_re_renders_the_page_with_the_decline_and_leaves_the_checkout_open_without_an_order()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());
        TakeWebhooks();

        var page = await SubmitCheckoutAsync(checkout, Customer(card: "4000000000000002"));

        Assert.Equal(HttpStatusCode.PaymentRequired, page.Status);
        Assert.Contains("The payment failed: Your card was declined. Please try again with a different payment method.", page.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ada Lovelace\"", page.Html, StringComparison.Ordinal);
        Assert.Empty(TakeWebhooks());
        var after = await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(CheckoutStatus.Open, after.Status);
        Assert.Empty((await Polar.Orders.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
    }

    [Fact]
    public async Task Invalid_input_re_renders_with_Polars_messages_and_pays_nothing()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync(), c => c.CustomerEmail = null);
        TakeWebhooks();

        var badEmail = await SubmitCheckoutAsync(checkout, [.. Customer(email: "ada.example.com")]);
        var noCard = await SubmitCheckoutAsync(checkout, [.. Customer(card: "")]);
        var noAddress = await SubmitCheckoutAsync(checkout, ("customer_email", "ada@example.com"), ("customer_name", "Ada"), ("card_number", "4242424242424242"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEmail.Status);
        Assert.Contains("Email: value is not a valid email address: An email address must have an @-sign.", badEmail.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noCard.Status);
        Assert.Contains("Card number: Enter a card number.", noCard.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAddress.Status);
        Assert.Contains("Billing address: Field is required.", noAddress.Html, StringComparison.Ordinal);
        Assert.Empty(TakeWebhooks());
        Assert.Equal(CheckoutStatus.Open, (await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task An_expired_checkout_shows_the_expired_page_with_410()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());
        var token = (await GetPageAsync(checkout.Url)).FormToken;
        Clock.Advance(TimeSpan.FromHours(25));

        var page = await GetPageAsync(checkout.Url);
        var post = await PostFormAsync(checkout.Url, [.. Customer(), ("csrf", token)]);

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains("This checkout session has expired.", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, post.Status);
        Assert.Empty((await Polar.Orders.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
    }

    [Fact]
    public async Task An_unknown_client_secret_is_404_and_a_form_without_the_page_token_is_refused()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());

        var unknown = await GetPageAsync("/checkout/polar_c_unknown");
        var forged = await PostFormAsync(checkout.Url, Customer());

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(CheckoutStatus.Open, (await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Whatever_the_customer_types_is_shown_escaped()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());

        var page = await SubmitCheckoutAsync(checkout, [.. Customer(card: "4000000000000002", name: "<script>alert(1)</script>\" autofocus=\"")]);

        Assert.DoesNotContain("<script>alert(1)", page.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot; autofocus=&quot;\"", page.Html, StringComparison.Ordinal);
    }
}
