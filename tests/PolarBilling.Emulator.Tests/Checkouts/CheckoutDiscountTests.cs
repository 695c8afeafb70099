using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

public sealed class CheckoutDiscountTests : CheckoutFlowTest
{
    [Fact]
    public async Task A_percentage_code_typed_on_the_page_reduces_the_checkout_and_its_order()
    {
        var ebook = await OneTimeProductAsync(amount: 2500);
        var discount = await PercentageDiscountAsync("LAUNCH20", 2000);
        var checkout = await CheckoutAsync(ebook);

        var page = await Polar.Checkouts.UpdateByClientSecretAsync(
            checkout.ClientSecret, new CheckoutUpdatePublic { DiscountCode = "launch20" }, cancellationToken: TestContext.Current.CancellationToken);
        var order = await PayAsync(checkout);

        Assert.Equal(discount.Id, page.DiscountId);
        Assert.Equal((2500, 500, 2000), (page.Amount, page.DiscountAmount, page.TotalAmount));
        Assert.Equal((2500, 500, 2000, 2000), (order.SubtotalAmount, order.DiscountAmount, order.NetAmount, order.TotalAmount));
        Assert.Equal(discount.Id, order.DiscountId);
        var redeemed = await Polar.Discounts.GetAsync(discount.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, redeemed.RedemptionsCount);
    }

    [Fact]
    public async Task A_fixed_discount_given_by_the_merchant_takes_its_amount_off()
    {
        var ebook = await OneTimeProductAsync(amount: 2500);
        var discount = await FixedDiscountAsync("TENOFF", 1000);

        var checkout = await CheckoutAsync(ebook, c => c.DiscountId = discount.Id);

        Assert.Equal((1000, 1500), (checkout.DiscountAmount, checkout.NetAmount));
        Assert.Equal("TENOFF", checkout.Discount!.Code);
    }

    [Fact]
    public async Task An_unknown_code_is_rejected_at_discount_code()
    {
        var checkout = await CheckoutAsync(await OneTimeProductAsync());

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/checkouts/client/{checkout.ClientSecret}", """{"discount_code":"NOPE"}""");

        Assert.Equal(422, status);
        Assert.Equal("""["body","discount_code"]""", body!["detail"]![0]!["loc"]!.ToJsonString());
        Assert.Equal("Discount does not exist.", (string?)body["detail"]![0]!["msg"]);
    }

    [Fact]
    public async Task Codes_are_ignored_when_the_checkout_disallows_them()
    {
        var ebook = await OneTimeProductAsync();
        await PercentageDiscountAsync("LAUNCH20", 2000);
        var checkout = await CheckoutAsync(ebook, c => c.AllowDiscountCodes = false);

        var page = await Polar.Checkouts.UpdateByClientSecretAsync(
            checkout.ClientSecret, new CheckoutUpdatePublic { DiscountCode = "LAUNCH20" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(page.DiscountId);
        Assert.Equal(0, page.DiscountAmount);
    }

    [Fact]
    public async Task The_merchant_can_remove_the_discount_and_each_change_emits_checkout_updated()
    {
        var ebook = await OneTimeProductAsync();
        var discount = await FixedDiscountAsync("TENOFF", 1000);
        var checkout = await CheckoutAsync(ebook, c => c.DiscountId = discount.Id);
        TakeWebhooks();

        var updated = await Polar.Checkouts.RemoveDiscountAsync(checkout.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(updated.DiscountId);
        Assert.Equal(updated.Amount, updated.NetAmount);
        AssertWebhooks("checkout.updated");
    }

    [Fact]
    public async Task A_repeating_discount_does_not_apply_to_a_one_time_product()
    {
        var ebook = await OneTimeProductAsync();
        var discount = await Polar.Discounts.CreateAsync(
            new DiscountPercentageCreate { Name = "Three months", BasisPoints = 1000, Duration = DiscountDuration.Repeating, DurationInMonths = 3 },
            cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/checkouts/", $$"""{"products":["{{ebook.Id}}"],"discount_id":"{{discount.Id}}"}""");

        Assert.Equal(422, status);
        Assert.Equal("Discount is not applicable to this product.", (string?)body!["detail"]![0]!["msg"]);
    }
}
