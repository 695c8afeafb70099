using System.Net;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Endpoints;

/// <summary>Payment history with invoice links, and the customer portal.</summary>
public sealed class OrderAndPortalEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Payment_history_lists_paid_orders_newest_first_with_invoice_links_that_redirect_to_polar()
    {
        await using var app = await BillingTestApp.StartAsync();
        await app.SubscribeAsync("olga", "enterprise");
        app.AdvanceClock(TimeSpan.FromDays(31));
        await app.WaitForProjectionAsync("olga", async (store, c) => (await store.ListOrdersAsync(c.Id, Ct)).Count(o => o.Paid) == 2, "the renewal is paid");

        using var response = await app.ClientFor("olga").GetAsync("/api/billing/orders", Ct);
        var orders = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(new[] { "subscription_cycle", "subscription_create" }, orders.Select(o => o.Str("billingReason")));
        Assert.All(orders, o => Assert.Equal(("enterprise", TestPlans.EnterprisePrice), (o.Str("plan"), o.GetProperty("total").GetInt64())));

        var invoiceUrl = orders[0].Str("invoiceUrl")!;
        Assert.Equal($"/api/billing/orders/{orders[0].Str("id")}/invoice", invoiceUrl);
        using var invoice = await app.ClientFor("olga").GetAsync(invoiceUrl, Ct);
        Assert.Equal(HttpStatusCode.Redirect, invoice.StatusCode);
        Assert.StartsWith(app.Emulator.BaseUrl.ToString().TrimEnd('/'), invoice.Headers.Location!.ToString());
        Assert.True((await app.Polar.Orders.GetAsync(orders[0].Str("id")!, cancellationToken: Ct)).IsInvoiceGenerated);
    }

    [Fact]
    public async Task A_user_with_no_orders_has_an_empty_history()
    {
        await using var app = await BillingTestApp.StartAsync();
        using var response = await app.ClientFor("paul").GetAsync("/api/billing/orders", Ct);
        Assert.Empty((await response.ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task The_portal_opens_for_a_customer_as_json_or_a_redirect_and_is_404_before_the_first_purchase()
    {
        await using var app = await BillingTestApp.StartAsync();
        using var none = await app.ClientFor("quinn").GetAsync("/api/billing/portal", Ct);
        await none.ReadJsonAsync(HttpStatusCode.NotFound);

        await app.SubscribeAsync("quinn", "pro");
        using var json = await app.ClientFor("quinn").GetAsync("/api/billing/portal", Ct);
        var url = (await json.ReadJsonAsync()).Str("url")!;
        Assert.StartsWith(app.Emulator.BaseUrl.ToString().TrimEnd('/'), url);

        using var redirect = await app.ClientFor("quinn").GetAsync("/api/billing/portal?redirect=true", Ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith(app.Emulator.BaseUrl.ToString().TrimEnd('/'), redirect.Headers.Location!.ToString());
    }

    [Fact]
    public async Task EnsureCustomerAsync_creates_the_customer_once_and_links_it_to_the_user()
    {
        await using var app = await BillingTestApp.StartAsync();
        var customers = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Identity.IBillingCustomers>(app.Services);
        var first = await customers.EnsureCustomerAsync("rita", "rita@example.test", "Rita", Ct);
        var second = await customers.EnsureCustomerAsync("rita", "rita@example.test", null, Ct);
        Assert.Equal((first.Id, "rita"), (second.Id, second.UserId));
        var listed = await app.Polar.Customers.ListAsync(cancellationToken: Ct);
        Assert.Single(listed.Items, c => c.ExternalId == "rita");
        await Assert.ThrowsAsync<InvalidOperationException>(() => customers.EnsureCustomerAsync("sam", null, null, Ct));
    }
}
