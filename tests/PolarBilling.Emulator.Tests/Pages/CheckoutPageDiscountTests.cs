using System.Net;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pages;

public sealed class CheckoutPageDiscountTests : PageTest
{
    [Fact]
    public async Task Applying_a_discount_code_updates_the_checkout_and_the_total_shown_and_paid()
    {
        await PercentageDiscountAsync("LAUNCH", 2000);
        var checkout = await CheckoutAsync(await OneTimeProductAsync("Ebook", 2500));
        TakeWebhooks();

        var page = await SubmitCheckoutAsync(checkout, [("action", "discount"), ("discount_code", "LAUNCH"), ("customer_name", "Ada Lovelace")]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Discount code applied.", page.Html, StringComparison.Ordinal);
        Assert.Contains("<td>Discount (LAUNCH)</td><td class=\"amount\">-$5.00</td>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"total\"><td>Total</td><td class=\"amount\">$20.00</td>", page.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ada Lovelace\"", page.Html, StringComparison.Ordinal);
        var updated = ((CheckoutUpdatedWebhookEvent)Assert.Single(AssertWebhooks("checkout.updated"))).Data;
        Assert.Equal((2000L, 500L), (updated.TotalAmount, updated.DiscountAmount));

        var paid = await SubmitCheckoutAsync(checkout, Customer());

        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);
        var order = Assert.Single((await Polar.Orders.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
        Assert.Equal((500L, 2000L), (order.DiscountAmount, order.TotalAmount));
    }

    [Fact]
    public async Task An_unknown_code_shows_Polars_error_and_changes_nothing()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync("Ebook", 2500));
        TakeWebhooks();

        var page = await SubmitCheckoutAsync(checkout, ("action", "discount"), ("discount_code", "NOPE"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("Discount code: Discount does not exist.", page.Html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"total\"><td>Total</td><td class=\"amount\">$25.00</td>", page.Html, StringComparison.Ordinal);
        Assert.Empty(TakeWebhooks());
        Assert.Null((await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken)).DiscountId);
    }

    [Fact]
    public async Task A_code_typed_but_not_applied_is_applied_on_pay_and_a_bad_one_stops_the_payment()
    {
        await FixedDiscountAsync("TENOFF", 1000);
        var checkout = await CheckoutAsync(await OneTimeProductAsync("Ebook", 2500));

        var refused = await SubmitCheckoutAsync(checkout, [.. Customer(), ("discount_code", "WRONG")]);
        var paid = await SubmitCheckoutAsync(checkout, [.. Customer(), ("discount_code", "TENOFF")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Discount code: Discount does not exist.", refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);
        var order = Assert.Single((await Polar.Orders.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
        Assert.Equal(1500L, order.TotalAmount);
    }

    [Fact]
    public async Task Removing_the_discount_restores_the_full_price()
    {
        await PercentageDiscountAsync("LAUNCH", 2000);
        var checkout = await CheckoutAsync(await OneTimeProductAsync("Ebook", 2500));
        await SubmitCheckoutAsync(checkout, ("action", "discount"), ("discount_code", "LAUNCH"));

        var page = await SubmitCheckoutAsync(checkout, ("action", "remove_discount"), ("discount_code", "LAUNCH"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("Discount (LAUNCH)", page.Html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"total\"><td>Total</td><td class=\"amount\">$25.00</td>", page.Html, StringComparison.Ordinal);
        Assert.Null((await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken)).DiscountId);
    }

    [Fact]
    public async Task A_checkout_with_several_products_lets_the_customer_switch_plan()
    {
        var basic = await MonthlyProductAsync("Basic", 900);
        var pro = await MonthlyProductAsync("Pro", 1900);
        var checkout = await Polar.Checkouts.CreateAsync(
            new CheckoutProductsCreate { Products = [basic.Id, pro.Id], CustomerEmail = "ada@example.com" }, cancellationToken: TestContext.Current.CancellationToken);

        var page = await SubmitCheckoutAsync(checkout, ("action", "product"), ("product_id", pro.Id));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1 class=\"product\">Pro</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains("$19.00 / month", page.Html, StringComparison.Ordinal);
        Assert.Equal(pro.Id, (await Polar.Checkouts.GetAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken)).ProductId);
    }
}
