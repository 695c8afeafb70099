using System.Net;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Endpoints;

/// <summary><c>POST /api/billing/checkout</c> and <c>GET /api/billing/checkout/{id}/confirm</c> against the emulator.</summary>
public sealed class CheckoutEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pro_checkout_is_the_users_with_the_trial_and_paying_it_makes_them_trialing_pro()
    {
        await using var app = await BillingTestApp.StartAsync();
        using var response = await app.ClientFor("alice").PostJsonAsync("/api/billing/checkout", new { plan = "pro" });
        var body = await response.ReadJsonAsync();
        var checkoutId = body.Str("checkoutId")!;
        Assert.StartsWith(app.Emulator.BaseUrl.ToString().TrimEnd('/'), body.Str("url"));

        var checkout = await app.Polar.Checkouts.GetAsync(checkoutId, cancellationToken: Ct);
        Assert.Equal(("alice", TestAuthentication.EmailOf("alice"), app.Plans.ProId), (checkout.ExternalCustomerId, checkout.CustomerEmail, checkout.ProductId));
        Assert.Equal($"{app.BaseAddress}billing/success?checkout_id={checkoutId}", checkout.SuccessUrl);
        Assert.Equal(("alice", "pro"), (checkout.Metadata["user_id"].ToString(), checkout.Metadata["plan"].ToString()));
        Assert.Equal((TrialInterval.Day, 14L), (checkout.TrialInterval, checkout.TrialIntervalCount));

        using (var paid = await app.CompleteCheckoutAsync(checkoutId))
        {
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        }

        await app.WaitForSubscriptionsAsync("alice", s => s.Any(x => x.Status == "trialing"));
        using var view = await app.ClientFor("alice").GetAsync("/api/billing/subscription", Ct);
        var subscription = await view.ReadJsonAsync();
        Assert.Equal(("pro", "Pro", "trialing"), (subscription.Str("plan"), subscription.Str("planName"), subscription.Str("status")));
        Assert.Equal(app.Emulator.Now.AddDays(14), subscription.GetProperty("trialEnd").GetDateTimeOffset());
        Assert.Equal(5, subscription.GetProperty("limits").GetProperty("agents").GetInt64());
        Assert.Contains("api-access", subscription.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task A_declined_card_leaves_the_user_on_free_and_the_checkout_open()
    {
        await using var app = await BillingTestApp.StartAsync();
        var checkoutId = await app.StartCheckoutAsync("bob", "enterprise");
        using (var declined = await app.CompleteCheckoutAsync(checkoutId, BillingTestApp.DecliningCard))
        {
            Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        }

        using var confirm = await app.ClientFor("bob").GetAsync($"/api/billing/checkout/{checkoutId}/confirm", Ct);
        var confirmation = await confirm.ReadJsonAsync();
        Assert.Equal("open", confirmation.Str("status"));
        Assert.Equal("free", confirmation.GetProperty("subscription").Str("plan"));
        using var view = await app.ClientFor("bob").GetAsync("/api/billing/subscription", Ct);
        Assert.Equal("free", (await view.ReadJsonAsync()).Str("plan"));
    }

    [Fact]
    public async Task Confirm_projects_the_outcome_at_once_without_waiting_for_webhooks()
    {
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions { Project = false });
        var checkoutId = await app.StartCheckoutAsync("carol", "enterprise");
        using (var paid = await app.CompleteCheckoutAsync(checkoutId))
        {
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        }

        using var confirm = await app.ClientFor("carol").GetAsync($"/api/billing/checkout/{checkoutId}/confirm", Ct);
        var confirmation = await confirm.ReadJsonAsync();
        Assert.Equal(("succeeded", "enterprise"), (confirmation.Str("status"), confirmation.Str("plan")));
        Assert.NotNull(confirmation.Str("orderId"));
        Assert.Equal(("enterprise", "active"), (confirmation.GetProperty("subscription").Str("plan"), confirmation.GetProperty("subscription").Str("status")));
        using var orders = await app.ClientFor("carol").GetAsync("/api/billing/orders", Ct);
        var order = Assert.Single((await orders.ReadJsonAsync()).EnumerateArray());
        Assert.Equal((TestPlans.EnterprisePrice, "enterprise"), (order.GetProperty("total").GetInt64(), order.Str("plan")));
    }

    [Fact]
    public async Task A_one_time_product_is_bought_once_and_shows_in_purchases_and_payment_history()
    {
        await using var app = await BillingTestApp.StartAsync();
        using var response = await app.ClientFor("dave").PostJsonAsync("/api/billing/checkout", new { product = "course" });
        var checkoutId = (await response.ReadJsonAsync()).Str("checkoutId")!;
        using (var paid = await app.CompleteCheckoutAsync(checkoutId))
        {
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        }

        await app.WaitForProjectionAsync("dave", async (store, c) => (await store.ListOrdersAsync(c.Id, Ct)).Any(o => o.Paid));
        using var view = await app.ClientFor("dave").GetAsync("/api/billing/subscription", Ct);
        var subscription = await view.ReadJsonAsync();
        Assert.Equal("free", subscription.Str("plan"));
        Assert.Equal(new[] { "course" }, subscription.GetProperty("purchases").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("course-access", subscription.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        using var orders = await app.ClientFor("dave").GetAsync("/api/billing/orders", Ct);
        var order = Assert.Single((await orders.ReadJsonAsync()).EnumerateArray());
        Assert.Equal(("course", TestPlans.CoursePrice, "usd", "purchase"), (order.Str("plan"), order.GetProperty("total").GetInt64(), order.Str("currency"), order.Str("billingReason")));
    }

    [Fact]
    public async Task A_subscriber_asking_for_another_subscription_is_told_to_change_plans()
    {
        await using var app = await BillingTestApp.StartAsync();
        await app.SubscribeAsync("erin", "enterprise");
        using var response = await app.ClientFor("erin").PostJsonAsync("/api/billing/checkout", new { plan = "pro" });
        var problem = await response.ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("/api/billing/subscription/upgrade", problem.Str("detail"));

        // A one-time product is still for sale.
        using var course = await app.ClientFor("erin").PostJsonAsync("/api/billing/checkout", new { product = "course" });
        await course.ReadJsonAsync();
    }

    [Theory]
    [InlineData("""{"plan": "platinum"}""", "Unknown plan.")]
    [InlineData("""{"product": "prod_missing"}""", "Unknown plan.")]
    [InlineData("""{}""", "Unknown plan.")]
    [InlineData("""{"plan": "free"}""", "Nothing to buy.")]
    public async Task Unknown_and_free_plans_are_refused_with_the_valid_keys(string body, string title)
    {
        await using var app = await BillingTestApp.StartAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await app.ClientFor("frank").PostAsync("/api/billing/checkout", content, Ct);
        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(title, problem.Str("title"));
        Assert.Contains("pro, enterprise, course", problem.Str("detail"));
    }

    [Fact]
    public async Task Checkouts_are_rate_limited_per_user_with_retry_after()
    {
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions { Configure = o => o.CheckoutsPerUserPerMinute = 2 });
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await app.ClientFor("gina").PostJsonAsync("/api/billing/checkout", new { plan = "pro" });
            await allowed.ReadJsonAsync();
        }

        using var limited = await app.ClientFor("gina").PostJsonAsync("/api/billing/checkout", new { plan = "pro" });
        await limited.ReadJsonAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);

        // Another user has their own allowance.
        using var other = await app.ClientFor("hank").PostJsonAsync("/api/billing/checkout", new { plan = "pro" });
        await other.ReadJsonAsync();
    }
}
