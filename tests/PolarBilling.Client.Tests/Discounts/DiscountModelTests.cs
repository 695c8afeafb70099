using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Checkouts;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Discounts;

/// <summary>The <see cref="Discount"/> union against the spec: each member, unknown kinds, unknown values.</summary>
public sealed class DiscountModelTests
{
    [Theory]
    [InlineData("Discounts/discount-percentage-once.json", "Discount", typeof(DiscountPercentageOnceForeverDuration))]
    [InlineData("Discounts/discount-fixed-forever.json", "Discount", typeof(DiscountFixedOnceForeverDuration))]
    [InlineData("Discounts/discount-percentage-repeating.json", "Discount", typeof(DiscountPercentageRepeatDuration))]
    [InlineData("Discounts/discount-fixed-repeating.json", "Discount", typeof(DiscountFixedRepeatDuration))]
    public void Discount_fixtures_are_valid_fully_modelled_and_round_trip_as_their_member(string fixture, string schema, Type member)
    {
        var discount = ModelRoundTrip.Assert<Discount>(schema, ModelRoundTrip.Fixture(fixture));

        Assert.IsType(member, discount);
    }

    [Fact]
    public void A_repeating_discount_is_valid_as_a_Discount_although_it_also_fits_the_once_forever_member()
    {
        // The spec's oneOf is checked as anyOf, as Polar's server does (see the emulator's OpenApiSpecDocument): a repeating discount
        // fits two members, and the client must still read it as the repeating one.
        Assert.True(OpenApiSpec.Validate("Discount", DiscountFixtures.PercentageRepeating).IsValid);
        Assert.IsType<DiscountPercentageRepeatDuration>(PolarJson.Deserialize<Discount>(DiscountFixtures.PercentageRepeating));
    }

    [Fact]
    public void A_discount_of_an_unknown_kind_reads_as_UnknownDiscount_and_writes_back_unchanged()
    {
        var discount = PolarJson.Deserialize<Discount>(DiscountFixtures.FutureType);

        var unknown = Assert.IsType<UnknownDiscount>(discount);
        Assert.Equal(("credit", false, "250 free credits"), (unknown.Type.Value, unknown.Type.IsKnown, unknown.Name));
        Assert.Equal(250, unknown.AdditionalProperties!["credit_units"].GetInt32());
        ModelRoundTrip.AssertEquivalent(DiscountFixtures.FutureType, PolarJson.Serialize(discount));
    }

    [Fact]
    public void An_unknown_duration_does_not_throw_and_writes_back_unchanged()
    {
        var json = DiscountFixtures.PercentageOnce.Replace("\"once\"", "\"seasonal\"", StringComparison.Ordinal);

        var discount = PolarJson.Deserialize<Discount>(json);

        Assert.Equal(("seasonal", false), (discount.Duration.Value, discount.Duration.IsKnown));
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(discount));
    }

    [Fact]
    public void A_discount_list_page_of_once_and_forever_discounts_is_a_valid_list_response()
    {
        OpenApiSpec.AssertResponseValid("GET", "/v1/discounts/", 200, DiscountFixtures.Page([DiscountFixtures.PercentageOnce, DiscountFixtures.FixedForever], 2, 1));
    }

    [Theory]
    [InlineData("""{"type":"fixed","name":"Partner $10 off","duration":"forever","amounts":{"usd":1000,"eur":900}}""", typeof(DiscountFixedCreate))]
    [InlineData("""{"type":"percentage","name":"Half off","duration":"repeating","duration_in_months":3,"basis_points":5000}""", typeof(DiscountPercentageCreate))]
    [InlineData("""{"type":"bogo","name":"Buy one get one","duration":"once"}""", typeof(UnknownDiscountCreate))]
    public void The_create_union_reads_each_body_by_its_type(string json, Type expected)
    {
        var body = PolarJson.Deserialize<DiscountCreate>(json);

        Assert.IsType(expected, body);
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(body));
    }
}
