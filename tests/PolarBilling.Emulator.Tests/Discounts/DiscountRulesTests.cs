using PolarBilling.Client;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Discounts;

/// <summary>How checkouts and subscriptions find, price and count a discount (<see cref="DiscountRules"/>).</summary>
public sealed class DiscountRulesTests : EmulatorTest
{
    [Fact]
    public async Task A_code_is_found_ignoring_case_only_while_redeemable()
    {
        var id = await CreateAsync("""
            {"type": "percentage", "name": "Week", "code": "WEEK", "basis_points": 1000, "duration": "once",
             "starts_at": "2026-11-03T00:00:00Z", "ends_at": "2026-11-10T00:00:00Z", "max_redemptions": 1}
            """);
        var state = Emulator.State;

        lock (state.Gate)
        {
            Assert.Null(DiscountRules.FindRedeemable(state, "week", "product"));
        }

        Clock.Advance(TimeSpan.FromDays(2));
        lock (state.Gate)
        {
            var discount = DiscountRules.FindRedeemable(state, "week", "product");
            Assert.Equal(id, discount?.Id);
            DiscountRules.Redeem(state, discount!, "customer-1");
            Assert.Equal(1, discount!.RedemptionsCount);
            Assert.Null(DiscountRules.FindRedeemable(state, "WEEK", "product"));
        }
    }

    [Fact]
    public async Task An_ended_discount_is_not_redeemable()
    {
        await CreateAsync("""{"type": "percentage", "name": "Gone", "code": "GONE", "basis_points": 1000, "duration": "once", "ends_at": "2026-11-02T10:00:00Z"}""");
        Clock.Advance(TimeSpan.FromHours(2));

        lock (Emulator.State.Gate)
        {
            Assert.Null(DiscountRules.FindRedeemable(Emulator.State, "GONE", "product"));
        }
    }

    [Fact]
    public async Task A_product_restriction_and_the_currency_are_honoured()
    {
        var product = await Polar.Products.CreateAsync(Products.CatalogSetup.Monthly("Pro", 2000), cancellationToken: TestContext.Current.CancellationToken);
        await CreateAsync($$"""{"type": "fixed", "name": "Pro only", "code": "PRO", "amount": 500, "duration": "once", "products": ["{{product.Id}}"]}""");

        lock (Emulator.State.Gate)
        {
            Assert.NotNull(DiscountRules.FindRedeemable(Emulator.State, "pro", product.Id, "usd"));
            Assert.Null(DiscountRules.FindRedeemable(Emulator.State, "pro", product.Id, "eur"));
            Assert.Null(DiscountRules.FindRedeemable(Emulator.State, "pro", "another-product"));
        }
    }

    [Fact]
    public async Task A_customer_cannot_redeem_past_their_own_limit()
    {
        var id = await CreateAsync("""{"type": "percentage", "name": "Once each", "basis_points": 1000, "duration": "once", "max_redemptions_per_customer": 1}""");

        lock (Emulator.State.Gate)
        {
            var discount = Emulator.State.Discounts.Get(id);
            DiscountRules.Redeem(Emulator.State, discount, "ada");
            Assert.False(DiscountRules.IsRedeemableBy(Emulator.State, discount, "ada"));
            Assert.True(DiscountRules.IsRedeemableBy(Emulator.State, discount, "bob"));
        }
    }

    [Theory]
    [InlineData(1000, 2500, 250)]
    [InlineData(1999, 1050, 210)]
    [InlineData(1000, 25, 3)]
    [InlineData(1001, 5000, 501)]
    public void A_percentage_rounds_half_away_from_zero(long amount, long basisPoints, long expected)
    {
        var discount = new DiscountPercentageOnceForeverDuration { BasisPoints = basisPoints };

        Assert.Equal(expected, DiscountRules.Apply(discount, amount, "usd"));
    }

    [Fact]
    public void A_fixed_discount_takes_its_currencys_amount_capped_at_the_price()
    {
        var discount = new DiscountFixedOnceForeverDuration { Amount = 1000, Currency = "usd", Amounts = new() { ["usd"] = 1000, ["eur"] = 900 } };

        Assert.Equal(1000, DiscountRules.Apply(discount, 5000, "usd"));
        Assert.Equal(900, DiscountRules.Apply(discount, 5000, "eur"));
        Assert.Equal(700, DiscountRules.Apply(discount, 700, "usd"));
    }

    [Fact]
    public void Durations_decide_which_periods_are_discounted()
    {
        var applied = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var once = new DiscountPercentageOnceForeverDuration { Duration = DiscountDuration.Once };
        var forever = new DiscountPercentageOnceForeverDuration { Duration = DiscountDuration.Forever };
        var threeMonths = new DiscountPercentageRepeatDuration { Duration = DiscountDuration.Repeating, DurationInMonths = 3 };

        Assert.True(DiscountRules.StillApplies(once, applied, applied));
        Assert.False(DiscountRules.StillApplies(once, applied, applied.AddMonths(1)));
        Assert.True(DiscountRules.StillApplies(forever, applied, applied.AddYears(3)));
        Assert.True(DiscountRules.StillApplies(threeMonths, applied, applied.AddMonths(2)));
        Assert.False(DiscountRules.StillApplies(threeMonths, applied, applied.AddMonths(3)));
    }

    private async Task<string> CreateAsync(string json)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/discounts/", json);
        Assert.Equal(201, status);
        return (string)body!["id"]!;
    }
}
