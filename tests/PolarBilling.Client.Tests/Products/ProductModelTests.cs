using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using Xunit;

namespace PolarBilling.Client.Tests.Products;

/// <summary>The product fixtures are valid Polar products, read with every field modelled, and write back unchanged.</summary>
public sealed class ProductModelTests
{
    public static TheoryData<string> Fixtures() =>
    [
        "product-pro-monthly.json", "product-free.json", "product-ebook-pay-what-you-want.json",
        "product-team-yearly-seats.json", "product-legacy-recurring.json",
    ];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_product_fixture_round_trips_against_the_spec(string file) =>
        ModelRoundTrip.AssertFixture<Product>("Product", $"Products/{file}");

    [Fact]
    public void A_subscription_plan_reads_its_fixed_metered_and_archived_prices()
    {
        var product = ModelRoundTrip.AssertFixture<Product>("Product", "Products/product-pro-monthly.json");

        Assert.True(product.IsRecurring);
        Assert.Equal(RecurringInterval.Month, product.RecurringInterval);
        Assert.Equal(TrialInterval.Day, product.TrialInterval);
        Assert.Equal(14, product.TrialIntervalCount);
        var fixedPrice = Assert.IsType<ProductPriceFixed>(product.Prices[0]);
        Assert.Equal(1900, fixedPrice.PriceAmount);
        Assert.Equal("usd", fixedPrice.PriceCurrency);
        Assert.Equal(TaxBehaviorOption.Exclusive, fixedPrice.TaxBehavior);
        var metered = Assert.IsType<ProductPriceMeteredUnit>(product.Prices[1]);
        Assert.Equal(0.5m, metered.UnitAmount);
        Assert.Equal(50000, metered.CapAmount);
        Assert.Equal("API calls", metered.Meter.Name);
        Assert.True(Assert.IsType<ProductPriceFixed>(product.Prices[2]).IsArchived);
        Assert.IsType<BenefitFeatureFlag>(product.Benefits[0]);
        Assert.Equal(10000, Assert.IsType<BenefitMeterCredit>(product.Benefits[1]).Properties.Units);
    }

    [Fact]
    public void A_free_plan_is_a_fixed_price_of_zero()
    {
        var product = ModelRoundTrip.AssertFixture<Product>("Product", "Products/product-free.json");

        Assert.Equal(0, Assert.IsType<ProductPriceFixed>(Assert.Single(product.Prices)).PriceAmount);
        Assert.Null(product.Description);
        Assert.Null(product.ModifiedAt);
    }

    [Fact]
    public void A_one_time_pay_what_you_want_product_reads_its_custom_price_and_media()
    {
        var product = ModelRoundTrip.AssertFixture<Product>("Product", "Products/product-ebook-pay-what-you-want.json");

        Assert.False(product.IsRecurring);
        Assert.Null(product.RecurringInterval);
        var custom = Assert.IsType<ProductPriceCustom>(Assert.Single(product.Prices));
        Assert.Equal(500, custom.MinimumAmount);
        Assert.Null(custom.MaximumAmount);
        Assert.Equal(2000, custom.PresetAmount);
        Assert.Equal("image/png", Assert.Single(product.Medias).MimeType);
    }

    [Fact]
    public void A_seat_based_price_reads_its_graduated_tiers()
    {
        var product = ModelRoundTrip.AssertFixture<Product>("Product", "Products/product-team-yearly-seats.json");

        Assert.Equal(RecurringInterval.Year, product.RecurringInterval);
        Assert.Equal(RecurringInterval.Month, product.MeterInterval);
        var seats = Assert.IsType<ProductPriceSeatBased>(product.Prices[1]);
        Assert.Equal(SeatTierType.Graduated, seats.SeatTiers.SeatTierType);
        Assert.Equal(12000, seats.SeatTiers.Tiers[0].PricePerSeat);
        Assert.Null(seats.SeatTiers.Tiers[1].MaxSeats);
    }

    [Fact]
    public void Legacy_recurring_prices_read_as_their_legacy_members()
    {
        var product = ModelRoundTrip.AssertFixture<Product>("Product", "Products/product-legacy-recurring.json");

        Assert.Equal(900, Assert.IsType<LegacyRecurringProductPriceFixed>(product.Prices[0]).PriceAmount);
        Assert.Equal(RecurringInterval.Year, Assert.IsType<LegacyRecurringProductPriceCustom>(product.Prices[1]).RecurringInterval);
    }

    [Fact]
    public void A_price_of_an_unknown_amount_type_reads_as_unknown_and_writes_back_unchanged()
    {
        var json = SetPrice(0, price =>
        {
            price["amount_type"] = "future_kind";
            price.Remove("price_amount");
            price["tiers_v2"] = new JsonArray(1, 2, 3);
        });

        var product = PolarJson.Deserialize<Product>(json);

        var unknown = Assert.IsType<UnknownProductPrice>(product.Prices[0]);
        Assert.Equal("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", unknown.Id);
        Assert.Equal("future_kind", unknown.AdditionalProperties!["amount_type"].GetString());
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(product));
    }

    [Fact]
    public void Unknown_enum_values_are_kept_instead_of_failing()
    {
        var json = JsonNode.Parse(ModelRoundTrip.Fixture("Products/product-pro-monthly.json"))!;
        json["visibility"] = "unlisted";
        json["recurring_interval"] = "fortnight";
        json["prices"]![0]!["tax_behavior"] = "reverse_charge";

        var product = PolarJson.Deserialize<Product>(json.ToJsonString());

        Assert.Equal("unlisted", product.Visibility.Value);
        Assert.False(product.Visibility.IsKnown);
        Assert.Equal("fortnight", product.RecurringInterval!.Value.Value);
        Assert.Equal("reverse_charge", product.Prices[0].TaxBehavior!.Value.Value);
        ModelRoundTrip.AssertEquivalent(json.ToJsonString(), PolarJson.Serialize(product));
    }

    private static string SetPrice(int index, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(ModelRoundTrip.Fixture("Products/product-pro-monthly.json"))!;
        edit(json["prices"]![index]!.AsObject());
        return json.ToJsonString();
    }
}
