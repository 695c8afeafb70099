using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Checkouts;

/// <summary>The checkout response models against the spec: fixtures, every discount member, unknown members and values.</summary>
public sealed class CheckoutModelTests
{
    [Theory]
    [InlineData("Checkouts/checkout-open-trial-percentage-discount.json")]
    [InlineData("Checkouts/checkout-succeeded-fixed-discount.json")]
    public void Checkout_fixtures_are_valid_fully_modelled_and_round_trip(string fixture)
    {
        var checkout = ModelRoundTrip.Assert<Checkout>("Checkout", ModelRoundTrip.Fixture(fixture));

        Assert.NotEmpty(checkout.Products);
    }

    [Fact]
    public void The_public_checkout_and_the_confirmed_checkout_round_trip()
    {
        var open = ModelRoundTrip.Assert<CheckoutPublic>("CheckoutPublic", CheckoutFixtures.Public);
        var confirmed = ModelRoundTrip.Assert<CheckoutPublicConfirmed>("CheckoutPublicConfirmed", CheckoutFixtures.PublicConfirmed);

        Assert.Equal(CheckoutStatus.Open, open.Status);
        Assert.NotNull(confirmed.CustomerSessionToken);
    }

    [Fact]
    public void A_checkout_list_page_is_valid_and_reads_every_item()
    {
        var page = CheckoutFixtures.Page([CheckoutFixtures.Open, CheckoutFixtures.Succeeded], totalCount: 12, maxPage: 6);
        OpenApiSpec.AssertResponseValid("GET", "/v1/checkouts/", 200, page);

        var list = PolarJson.Deserialize<PolarList<Checkout>>(page);

        Assert.Equal([CheckoutStatus.Open, CheckoutStatus.Succeeded], list.Items.Select(c => c.Status));
        Assert.Equal((12L, 6), (list.Pagination.TotalCount, list.Pagination.MaxPage));
    }

    [Theory]
    [InlineData("CheckoutDiscountPercentageOnceForeverDuration", """{"duration":"once","type":"percentage","basis_points":2000,"id":"e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a51","name":"Launch week 20%","code":"LAUNCH20"}""")]
    [InlineData("CheckoutDiscountPercentageRepeatDuration", """{"duration":"repeating","duration_in_months":3,"type":"percentage","basis_points":5000,"id":"a3b4c5d6-e7f8-4a9b-8c0d-1e2f3a4b5c63","name":"Half off for 3 months","code":"HALF3"}""")]
    [InlineData("CheckoutDiscountFixedOnceForeverDuration", """{"duration":"forever","type":"fixed","amount":1000,"currency":"usd","amounts":{"usd":1000,"eur":900},"id":"f2a3b4c5-d6e7-4f80-9a1b-2c3d4e5f6a72","name":"Partner $10 off","code":null}""")]
    [InlineData("CheckoutDiscountFixedRepeatDuration", """{"duration":"repeating","duration_in_months":12,"type":"fixed","amount":500,"currency":"usd","amounts":{"usd":500},"id":"b4c5d6e7-f8a9-4b0c-9d1e-2f3a4b5c6d74","name":"$5 off for a year","code":"YEAR5"}""")]
    public void Every_checkout_discount_member_reads_as_its_own_type(string member, string json)
    {
        var discount = ModelRoundTrip.Assert<CheckoutDiscount>(member, json);

        Assert.Equal(member, discount.GetType().Name);
    }

    [Fact]
    public void A_checkout_with_a_repeating_discount_reads_it_as_the_repeat_member()
    {
        var checkout = PolarJson.Deserialize<Checkout>(CheckoutFixtures.OpenWithRepeatingDiscount);

        var discount = Assert.IsType<CheckoutDiscountPercentageRepeatDuration>(checkout.Discount);
        Assert.Equal((DiscountDuration.Repeating, 3L, 5000L), (discount.Duration, discount.DurationInMonths, discount.BasisPoints));
        ModelRoundTrip.AssertEquivalent(CheckoutFixtures.OpenWithRepeatingDiscount, PolarJson.Serialize(checkout));
    }

    [Fact]
    public void A_discount_of_an_unknown_kind_reads_as_UnknownCheckoutDiscount_and_writes_back_unchanged()
    {
        var json = With(CheckoutFixtures.Open, c => c["discount"] = JsonNode.Parse(
            """{"duration":"once","type":"credit","credit_units":250,"id":"c5d6e7f8-a9b0-4c1d-8e2f-3a4b5c6d7e85","name":"250 free credits","code":null}"""));

        var checkout = PolarJson.Deserialize<Checkout>(json);

        var discount = Assert.IsType<UnknownCheckoutDiscount>(checkout.Discount);
        Assert.Equal(("credit", "250 free credits"), (discount.Type.Value, discount.Name));
        Assert.False(discount.Type.IsKnown);
        Assert.Equal(250, discount.AdditionalProperties!["credit_units"].GetInt32());
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(checkout));
    }

    [Fact]
    public void A_price_of_an_unknown_amount_type_reads_as_UnknownProductPrice_and_writes_back_unchanged()
    {
        var json = With(CheckoutFixtures.Open, c => c["product_price"]!["amount_type"] = "future_kind");

        var checkout = PolarJson.Deserialize<Checkout>(json);

        Assert.IsType<UnknownProductPrice>(checkout.ProductPrice);
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(checkout));
    }

    [Fact]
    public void Unknown_status_trial_interval_and_processor_values_do_not_throw_and_write_back_unchanged()
    {
        var json = With(CheckoutFixtures.Open, c =>
        {
            c["status"] = "requires_action";
            c["trial_interval"] = "fortnight";
            c["payment_processor"] = "paddle";
        });

        var checkout = PolarJson.Deserialize<Checkout>(json);

        Assert.Equal(("requires_action", false), (checkout.Status.Value, checkout.Status.IsKnown));
        Assert.Equal("fortnight", checkout.TrialInterval!.Value.Value);
        Assert.Equal("paddle", checkout.PaymentProcessor.Value);
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(checkout));
    }

    private static string With(string json, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }
}
