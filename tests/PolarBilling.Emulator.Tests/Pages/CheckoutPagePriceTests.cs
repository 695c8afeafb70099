using System.Net;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pages;

public sealed class CheckoutPagePriceTests : PageTest
{
    [Fact]
    public async Task A_pay_what_you_want_price_takes_the_typed_amount_within_its_bounds()
    {
        var checkout = await CheckoutAsync(await PayWhatYouWantProductAsync(minimum: 500, preset: 1000));

        var shown = await GetPageAsync(checkout.Url);
        var tooLow = await SubmitCheckoutAsync(checkout, ("action", "price"), ("amount", "2.00"));
        var updated = await SubmitCheckoutAsync(checkout, ("action", "price"), ("amount", "12.50"));
        var paid = await SubmitCheckoutAsync(checkout, [.. Customer(), ("amount", "20")]);

        Assert.Contains("value=\"10.00\"", shown.Html, StringComparison.Ordinal);
        Assert.Contains("Minimum $5.00.", shown.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLow.Status);
        Assert.Contains("Amount: Amount is below minimum.", tooLow.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Contains("<tr class=\"total\"><td>Total</td><td class=\"amount\">$12.50</td>", updated.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);
        Assert.Equal(2000L, Assert.Single((await Polar.Orders.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items).TotalAmount);
    }

    [Fact]
    public async Task A_seat_based_price_charges_the_seats_chosen_on_the_page()
    {
        var team = await Polar.Products.CreateAsync(
            new ProductCreateOneTime
            {
                Name = "Team licence",
                Prices = [new ProductPriceSeatBasedCreate { SeatTiers = new ProductPriceSeatTiersInput { Tiers = [new ProductPriceSeatTier { MinSeats = 1, PricePerSeat = 1000 }] } }],
            },
            cancellationToken: TestContext.Current.CancellationToken);
        var checkout = await CheckoutAsync(team, c => c.Seats = 2);

        var updated = await SubmitCheckoutAsync(checkout, ("action", "price"), ("seats", "5"));
        var paid = await SubmitCheckoutAsync(checkout, Customer());

        Assert.Contains("Team licence × 5 seats", updated.Html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"total\"><td>Total</td><td class=\"amount\">$50.00</td>", updated.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);
        var order = Assert.Single((await Polar.Orders.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
        Assert.Equal((5L, 5000L), (order.Seats!.Value, order.TotalAmount));
    }
}
