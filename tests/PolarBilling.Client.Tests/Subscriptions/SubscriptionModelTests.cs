using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Subscriptions;

/// <summary>The subscription model against the spec: every fixture, every price member, unknown members and values.</summary>
public sealed class SubscriptionModelTests
{
    [Theory]
    [InlineData("subscription-trialing.json")]
    [InlineData("subscription-active-seats-discount-pending.json")]
    [InlineData("subscription-canceled-at-period-end.json")]
    [InlineData("subscription-past-due-metered-team.json")]
    [InlineData("subscription-paused.json")]
    [InlineData("subscription-revoked-yearly.json")]
    [InlineData("subscription-free-created.json")]
    public void Subscription_fixtures_are_valid_fully_modelled_and_round_trip(string fixture)
    {
        var subscription = ModelRoundTrip.Assert<Subscription>("Subscription", ModelRoundTrip.Fixture("Subscriptions/" + fixture));

        Assert.NotEmpty(subscription.Prices);
        Assert.Equal(subscription.ProductId, subscription.Product.Id);
    }

    [Fact]
    public void A_trialing_subscription_reads_its_trial_window_and_fixed_price()
    {
        var subscription = PolarJson.Deserialize<Subscription>(SubscriptionFixtures.Trialing);

        Assert.Equal(SubscriptionStatus.Trialing, subscription.Status);
        Assert.Equal(DateTimeOffset.Parse("2026-04-03T09:15:00Z"), subscription.TrialEnd);
        Assert.Equal((1500L, "usd", RecurringInterval.Month), (subscription.Amount, subscription.Currency, subscription.RecurringInterval));
        Assert.Equal(1500L, Assert.IsType<ProductPriceFixed>(Assert.Single(subscription.Prices)).PriceAmount);
        Assert.Null(subscription.Discount);
        Assert.Null(subscription.PendingUpdate);
    }

    [Fact]
    public void A_seat_subscription_reads_seats_discount_pending_update_and_metadata()
    {
        var subscription = PolarJson.Deserialize<Subscription>(SubscriptionFixtures.ActiveSeats);

        Assert.Equal((SubscriptionStatus.Active, 5L, 4800L), (subscription.Status, subscription.Seats, subscription.Amount));
        var tiers = Assert.IsType<ProductPriceSeatBased>(Assert.Single(subscription.Prices)).SeatTiers;
        Assert.Equal([1200L, 900L], tiers.Tiers.Select(t => t.PricePerSeat));
        var discount = Assert.IsType<DiscountPercentageOnceForeverDurationBase>(subscription.Discount);
        Assert.Equal((SubscriptionFixtures.LaunchDiscountId, 2000L), (discount.Id, discount.BasisPoints));
        Assert.Equal((3L, (string?)null), (subscription.PendingUpdate!.Seats, subscription.PendingUpdate.ProductId));
        Assert.Equal(DateTimeOffset.Parse("2026-04-01T12:00:00Z"), subscription.PendingUpdate.AppliesAt);
        Assert.Equal("team", subscription.Metadata["plan_key"].ToString());
        Assert.Equal("DE", subscription.Customer.BillingAddress!.Country);
    }

    [Fact]
    public void A_subscription_canceled_at_period_end_keeps_its_reason_and_end()
    {
        var subscription = PolarJson.Deserialize<Subscription>(SubscriptionFixtures.CanceledAtPeriodEnd);

        Assert.True(subscription.CancelAtPeriodEnd);
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.Equal(subscription.CurrentPeriodEnd, subscription.EndsAt);
        Assert.Equal(CustomerCancellationReason.TooExpensive, subscription.CustomerCancellationReason);
        Assert.Equal(DateTimeOffset.Parse("2026-03-18T16:42:10.123456Z"), subscription.CanceledAt);
    }

    [Fact]
    public void A_past_due_metered_team_subscription_reads_meters_and_the_team_customer()
    {
        var subscription = PolarJson.Deserialize<Subscription>(SubscriptionFixtures.PastDueMeteredTeam);

        Assert.Equal(SubscriptionStatus.PastDue, subscription.Status);
        Assert.NotNull(subscription.PastDueAt);
        Assert.Equal(CustomerType.Team, subscription.Customer.Type);
        Assert.Null(subscription.Customer.Email);
        var metered = Assert.IsType<ProductPriceMeteredUnit>(subscription.Prices[1]);
        Assert.Equal(("API requests", 50000L), (metered.Meter.Name, metered.CapAmount));
        var meter = Assert.Single(subscription.Meters);
        Assert.Equal((86250L, 1000L), (meter.Amount, meter.CreditedUnits));
    }

    [Fact]
    public void A_paused_and_a_revoked_subscription_read_their_timestamps()
    {
        var paused = PolarJson.Deserialize<Subscription>(SubscriptionFixtures.Paused);
        var revoked = PolarJson.Deserialize<Subscription>(SubscriptionFixtures.RevokedYearly);

        Assert.Equal((SubscriptionStatus.Paused, DateTimeOffset.Parse("2026-06-01T00:00:00Z")), (paused.Status, paused.ResumesAt));
        Assert.Equal(SubscriptionStatus.Canceled, revoked.Status);
        Assert.Equal(revoked.CanceledAt, revoked.EndedAt);
        Assert.Equal(RecurringInterval.Year, revoked.RecurringInterval);
    }

    [Fact]
    public void A_subscription_list_page_is_valid_and_reads_every_item()
    {
        var page = SubscriptionFixtures.Page(SubscriptionFixtures.All, totalCount: 7, maxPage: 1);
        OpenApiSpec.AssertResponseValid("GET", "/v1/subscriptions/", 200, page);

        var list = PolarJson.Deserialize<PolarList<Subscription>>(page);

        Assert.Equal(7, list.Items.Count);
        Assert.Contains(list.Items, s => s.Status == SubscriptionStatus.Paused);
    }

    [Fact]
    public void A_legacy_recurring_price_reads_as_its_own_member()
    {
        // A legacy fixed price also fits ProductPriceFixed (nothing there forbids "type"/"legacy"); the client must
        // still read it as the legacy member.
        const string legacy = """{"created_at":"2024-06-01T00:00:00Z","modified_at":null,"id":"0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e","source":"catalog","amount_type":"fixed","price_currency":"usd","tax_behavior":null,"is_archived":true,"product_id":"3b5d7f9a-1c3e-4a5b-9d7f-1b3d5f7a9c1e","type":"recurring","recurring_interval":"year","price_amount":9900,"legacy":true}""";

        var price = ModelRoundTrip.Assert<ProductPrice>("LegacyRecurringProductPriceFixed", legacy);
        OpenApiSpec.AssertValid("ProductPrice", legacy);

        Assert.IsAssignableFrom<LegacyRecurringProductPrice>(price);
    }

    [Fact]
    public void An_unknown_price_kind_on_a_subscription_reads_as_UnknownProductPrice_and_writes_back_unchanged()
    {
        var json = With(SubscriptionFixtures.Trialing, s =>
            s["prices"]!.AsArray().Add(JsonNode.Parse("""{"created_at":"2026-01-05T10:00:00Z","modified_at":null,"id":"2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e","source":"catalog","amount_type":"future_kind","price_currency":"usd","tax_behavior":null,"is_archived":false,"product_id":"8e2f3c4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b","credits_per_unit":12}""")));

        var subscription = PolarJson.Deserialize<Subscription>(json);

        var unknown = Assert.IsType<UnknownProductPrice>(subscription.Prices[1]);
        Assert.Equal(12, unknown.AdditionalProperties!["credits_per_unit"].GetInt32());
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(subscription));
    }

    [Fact]
    public void Unknown_status_reason_and_interval_values_are_kept_not_rejected()
    {
        var json = With(SubscriptionFixtures.CanceledAtPeriodEnd, s =>
        {
            s["status"] = "winding_down";
            s["customer_cancellation_reason"] = "moved_to_competitor";
            s["recurring_interval"] = "fortnight";
        });

        var subscription = PolarJson.Deserialize<Subscription>(json);

        Assert.Equal(("winding_down", false), (subscription.Status.Value, subscription.Status.IsKnown));
        Assert.Equal("moved_to_competitor", subscription.CustomerCancellationReason!.Value.Value);
        Assert.Equal("fortnight", subscription.RecurringInterval.Value);
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(subscription));
    }

    private static string With(string json, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }
}
