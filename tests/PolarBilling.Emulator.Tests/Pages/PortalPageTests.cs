using System.Net;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pages;

public sealed class PortalPageTests : PageTest
{
    [Fact]
    public async Task The_portal_lists_the_customers_subscriptions_and_orders_with_working_documents()
    {
        var (subscription, portalUrl) = await SubscribedAsync();

        var portal = await GetPageAsync(portalUrl);
        var receipt = await GetPageAsync(portal.Link("receipt"));
        var order = Assert.Single((await Polar.Orders.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
        Assert.Contains("name=\"billing_name\" aria-label=\"Billing name\" placeholder=\"Billing name\" value=\"Ada Lovelace\"", portal.Html, StringComparison.Ordinal);
        var generated = await PostPortalAsync(portalUrl, $"orders/{order.Id}/invoice", ("billing_name", "Ada Lovelace"), ("country", "US"), ("line1", "1 Main St"), ("city", "Springfield"), ("postal_code", "94107"), ("state", "CA"));
        Assert.True(generated.Status == HttpStatusCode.SeeOther, generated.Html);
        var after = await GetPageAsync(generated.Location!);
        var invoice = await GetPageAsync(after.Link("invoice"));

        Assert.Equal(HttpStatusCode.OK, portal.Status);
        Assert.Contains("<strong class=\"plan\">Pro</strong> <span class=\"badge status active\">active</span>", portal.Html, StringComparison.Ordinal);
        Assert.Contains("$15.00 / month", portal.Html, StringComparison.Ordinal);
        Assert.Contains($"Renews on {subscription.CurrentPeriodEnd:d MMM yyyy}", portal.Html, StringComparison.Ordinal);
        Assert.Contains("Card ending in 4242", portal.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        Assert.Equal(HttpStatusCode.SeeOther, generated.Status);
        Assert.Contains("Your invoice is ready.", after.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, invoice.Status);
        Assert.Contains("<h1>Invoice EMULATED-ORG-0001</h1>", invoice.Html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"buyer\">Ada Lovelace</p>", invoice.Html, StringComparison.Ordinal);
        var updates = AssertWebhooks("order.updated", "order.updated");
        Assert.True(((OrderUpdatedWebhookEvent)updates[1]).Data.IsInvoiceGenerated);
    }

    [Fact]
    public async Task Cancel_sets_cancel_at_period_end_with_its_webhooks_and_uncancel_reverts_it()
    {
        var (subscription, portalUrl) = await SubscribedAsync();

        var canceled = await PostPortalAsync(portalUrl, $"subscriptions/{subscription.Id}/cancel");
        var afterCancel = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: TestContext.Current.CancellationToken);
        var cancelEvents = AssertWebhooks("subscription.updated", "subscription.canceled", "customer.state_changed");
        var portal = await GetPageAsync(canceled.Location!);
        var uncanceled = await PostPortalAsync(portalUrl, $"subscriptions/{subscription.Id}/uncancel");
        var afterUncancel = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, canceled.Status);
        Assert.StartsWith(new Uri(portalUrl).AbsolutePath + "?customer_session_token=", canceled.Location, StringComparison.Ordinal);
        Assert.True(afterCancel.CancelAtPeriodEnd);
        Assert.Equal(subscription.CurrentPeriodEnd, afterCancel.EndsAt);
        Assert.True(((SubscriptionCanceledWebhookEvent)cancelEvents[1]).Data.CancelAtPeriodEnd);
        Assert.Contains("Your subscription is canceled and ends at the end of the current billing period.", portal.Html, StringComparison.Ordinal);
        Assert.Contains($"Cancels at the end of the period, on {subscription.CurrentPeriodEnd:d MMM yyyy}", portal.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, uncanceled.Status);
        Assert.False(afterUncancel.CancelAtPeriodEnd);
        AssertWebhooks("subscription.updated", "subscription.uncanceled", "customer.state_changed");
    }

    [Fact]
    public async Task Changing_plan_moves_the_subscription_to_the_new_product_with_its_webhooks()
    {
        var (subscription, portalUrl) = await SubscribedAsync();
        var team = await MonthlyProductAsync("Team", 4900);
        TakeWebhooks();

        var changed = await PostPortalAsync(portalUrl, $"subscriptions/{subscription.Id}/product", ("product_id", team.Id));

        Assert.Equal(HttpStatusCode.SeeOther, changed.Status);
        var after = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal((team.Id, 4900L), (after.ProductId, after.Amount));
        var events = TakeWebhooks();
        Assert.Equal("subscription.updated", events[0].Type);
        Assert.Equal(team.Id, ((SubscriptionUpdatedWebhookEvent)events[0]).Data.ProductId);
        Assert.Contains("Your plan was changed.", (await GetPageAsync(changed.Location!)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replacing_the_card_saves_the_new_one_and_a_card_that_cannot_be_saved_is_refused()
    {
        var (subscription, portalUrl) = await SubscribedAsync();

        var declined = await PostPortalAsync(portalUrl, "card", ("card_number", "4000000000000002"));
        var unknown = await PostPortalAsync(portalUrl, "card", ("card_number", "4111111111111111"));
        var replaced = await PostPortalAsync(portalUrl, "card", ("card_number", "4000 0000 0000 0341"));

        Assert.Equal(HttpStatusCode.BadRequest, declined.Status);
        Assert.Contains("Your card was declined.", declined.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.Status);
        Assert.Contains("Card number: Unknown test card &#39;4111111111111111&#39;.", unknown.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, replaced.Status);
        lock (Emulator.State.Gate)
        {
            Assert.Equal("4000000000000341", Emulator.State.Checkouts.Cards.CardOf(subscription.CustomerId)?.Number);
        }

        Assert.Contains("Card ending in 0341", (await GetPageAsync(replaced.Location!)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replacing_the_card_of_a_past_due_customer_charges_the_overdue_renewal_and_reactivates_the_subscription()
    {
        var (subscription, portalUrl) = await SubscribedAsync();
        Assert.Equal(200, (await SendAsync(HttpMethod.Put, $"/emulator/customers/{subscription.CustomerId}/card", """{"card": "4000000000000341"}""")).Status);
        Assert.Equal(200, (await SendAsync(HttpMethod.Post, $"/emulator/subscriptions/{subscription.Id}/renew", "{}")).Status);
        Assert.Equal(SubscriptionStatus.PastDue, (await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: TestContext.Current.CancellationToken)).Status);
        var overdue = await GetPageAsync(portalUrl);
        TakeWebhooks();

        var replaced = await PostPortalAsync(portalUrl, "card", ("card_number", "4242424242424242"));

        Assert.Contains("<span class=\"badge status past_due\">past due</span>", overdue.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, replaced.Status);
        Assert.EndsWith("&notice=card_recovered", replaced.Location, StringComparison.Ordinal);
        Assert.Contains("Your card was replaced and your overdue payment was charged.", (await GetPageAsync(replaced.Location!)).Html, StringComparison.Ordinal);
        Assert.Equal(SubscriptionStatus.Active, (await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: TestContext.Current.CancellationToken)).Status);
        var types = TakeWebhooks().Select(e => e.Type).ToList();
        Assert.Contains("order.paid", types);
        Assert.Contains("subscription.active", types);
        var renewal = Assert.Single((await Polar.Orders.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items, o => o.BillingReason == OrderBillingReason.SubscriptionCycle);
        Assert.Equal(OrderStatus.Paid, renewal.Status);
    }

    [Fact]
    public async Task A_wrong_or_expired_session_token_is_401()
    {
        var (subscription, portalUrl) = await SubscribedAsync();
        var path = new Uri(portalUrl).AbsolutePath;

        var missing = await GetPageAsync(path);
        var wrong = await GetPageAsync(path + "?customer_session_token=polar_cst_wrong");
        var forged = await PostFormAsync($"{path}/subscriptions/{subscription.Id}/cancel", ("customer_session_token", "polar_cst_wrong"));
        Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var expired = await GetPageAsync(portalUrl);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.False((await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: TestContext.Current.CancellationToken)).CancelAtPeriodEnd);
    }

    [Fact]
    public async Task A_session_cannot_act_on_another_customers_subscription()
    {
        var (mine, myPortal) = await SubscribedAsync();
        var pro = await Polar.Products.GetAsync(mine.ProductId, cancellationToken: TestContext.Current.CancellationToken);
        var other = await CheckoutAsync(pro, c => c.CustomerEmail = "grace@example.com");
        Assert.Equal(HttpStatusCode.SeeOther, (await SubmitCheckoutAsync(other, Customer(email: "grace@example.com"))).Status);
        var theirs = await SubscriptionOfAsync(other.Id);

        var refused = await PostPortalAsync(myPortal, $"subscriptions/{theirs.Id}/cancel");
        var withoutFormToken = await PostFormAsync(new Uri(myPortal).AbsolutePath + $"/subscriptions/{mine.Id}/cancel", ("customer_session_token", Token(myPortal)));

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Equal(HttpStatusCode.Forbidden, withoutFormToken.Status);
        Assert.False((await Polar.Subscriptions.GetAsync(theirs.Id, cancellationToken: TestContext.Current.CancellationToken)).CancelAtPeriodEnd);
        Assert.False((await Polar.Subscriptions.GetAsync(mine.Id, cancellationToken: TestContext.Current.CancellationToken)).CancelAtPeriodEnd);
        Assert.DoesNotContain(theirs.Id, (await GetPageAsync(myPortal)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_name_with_markup_is_shown_escaped()
    {
        var (status, customer) = await SendAsync(HttpMethod.Post, "/v1/customers/", """{"email": "eve@example.com", "name": "<script>alert('x')</script>"}""");
        Assert.Equal(201, status);

        var portal = await GetPageAsync(await PortalUrlAsync((string)customer!["id"]!, returnUrl: "javascript:alert(1)"));

        Assert.Equal(HttpStatusCode.OK, portal.Status);
        Assert.DoesNotContain("<script>", portal.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", portal.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", portal.Html, StringComparison.Ordinal);
    }
}
