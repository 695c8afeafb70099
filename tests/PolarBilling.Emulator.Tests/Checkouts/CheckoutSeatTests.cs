using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

public sealed class CheckoutSeatTests : CheckoutFlowTest
{
    [Fact]
    public async Task A_seat_based_checkout_prices_the_seats_and_its_order_records_them()
    {
        var team = await Polar.Products.CreateAsync(
            new ProductCreateOneTime
            {
                Name = "Team licence",
                Prices = [new ProductPriceSeatBasedCreate { SeatTiers = new ProductPriceSeatTiersInput { Tiers = [new ProductPriceSeatTier { MinSeats = 1, PricePerSeat = 1000 }] } }],
            },
            cancellationToken: TestContext.Current.CancellationToken);

        var checkout = await CheckoutAsync(team, c => c.Seats = 3);
        var (missing, missingBody) = await SendAsync(HttpMethod.Post, "/v1/checkouts/", $$"""{"products":["{{team.Id}}"]}""");
        var ebook = await OneTimeProductAsync();
        var (seatsOnFixed, _) = await SendAsync(HttpMethod.Post, "/v1/checkouts/", $$"""{"products":["{{ebook.Id}}"],"seats":2}""");
        var order = await PayAsync(checkout);

        Assert.Equal((3L, 3000L), (checkout.Seats!.Value, checkout.Amount));
        Assert.Equal(422, missing);
        Assert.Equal("Seats is required for seat-based pricing.", (string?)missingBody!["detail"]![0]!["msg"]);
        Assert.Equal(422, seatsOnFixed);
        Assert.Equal((3L, 3000L), (order.Seats!.Value, order.TotalAmount));
    }
}
