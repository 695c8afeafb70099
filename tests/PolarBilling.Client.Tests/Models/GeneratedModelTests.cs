using System.Text.Json;
using PolarBilling.Client.Serialization;
using Xunit;

namespace PolarBilling.Client.Tests.Models;

/// <summary>Properties every generated model must have, checked over all of them at once.</summary>
public sealed class GeneratedModelTests
{
    private static readonly Type[] ConcreteModels = typeof(PolarObject).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsPublic: true, IsGenericTypeDefinition: false } && typeof(PolarObject).IsAssignableFrom(t))
        .ToArray();

    public static TheoryData<string> ModelNames() => new(ConcreteModels.Select(t => t.Name));

    [Fact]
    public void The_generator_produced_the_models_of_every_covered_resource()
    {
        Assert.True(ConcreteModels.Length > 250, $"only {ConcreteModels.Length} models");
        foreach (var name in new[] { "Product", "Checkout", "CustomerIndividual", "Subscription", "Order", "Refund", "Meter", "CustomerMeter", "BenefitGrant", "WebhookEndpoint", "CustomerSession", "CustomerStateIndividual" })
        {
            Assert.Contains(ConcreteModels, t => t.Name == name);
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Every_model_has_source_generated_metadata_and_survives_a_round_trip(string name)
    {
        var type = ConcreteModels.Single(t => t.Name == name);
        var info = PolarJson.Options.GetTypeInfo(type);
        var instance = Activator.CreateInstance(type);
        var json = JsonSerializer.Serialize(instance, info);
        var back = JsonSerializer.Deserialize(json, info);
        Assert.NotNull(back);
        Assert.Equal(json, JsonSerializer.Serialize(back, info));
    }

    [Fact]
    public void An_unknown_enum_value_is_kept_not_rejected()
    {
        var status = PolarJson.Deserialize<SubscriptionStatus>("\"hibernating\"");

        Assert.Equal("hibernating", status.Value);
        Assert.False(status.IsKnown);
        Assert.True(SubscriptionStatus.Active.IsKnown);
        Assert.Equal("\"hibernating\"", PolarJson.Serialize(status));
    }

    [Fact]
    public void A_union_member_of_an_unknown_kind_keeps_every_field_and_writes_back_unchanged()
    {
        const string json = """{"amount_type":"future_kind","id":"p1","mystery":{"a":1}}""";

        var price = PolarJson.Deserialize<ProductPrice>(json);

        var unknown = Assert.IsType<UnknownProductPrice>(price);
        Assert.Equal("p1", unknown.Id);
        Assert.Equal("future_kind", unknown.AdditionalProperties!["amount_type"].GetString());
        var written = JsonDocument.Parse(PolarJson.Serialize<ProductPrice>(price)).RootElement;
        Assert.Equal("future_kind", written.GetProperty("amount_type").GetString());
        Assert.Equal(1, written.GetProperty("mystery").GetProperty("a").GetInt32());
    }

    [Fact]
    public void A_discriminated_union_reads_the_member_its_discriminator_names()
    {
        var team = PolarJson.Deserialize<Customer>("""{"type":"team","id":"c1","email":null}""");
        var individual = PolarJson.Deserialize<Customer>("""{"type":"individual","id":"c2","email":"a@b.co"}""");

        Assert.IsType<CustomerTeam>(team);
        Assert.Equal("a@b.co", Assert.IsType<CustomerIndividual>(individual).Email);
    }

    [Fact]
    public void A_union_without_discriminator_is_read_from_the_shape_of_the_json()
    {
        Assert.IsType<SubscriptionCancel>(PolarJson.Deserialize<SubscriptionUpdate>("""{"cancel_at_period_end":true}"""));
        Assert.IsType<SubscriptionRevoke>(PolarJson.Deserialize<SubscriptionUpdate>("""{"revoke":true}"""));
        Assert.IsType<SubscriptionUpdateSeats>(PolarJson.Deserialize<SubscriptionUpdate>("""{"seats":3,"proration_behavior":"invoice"}"""));
        Assert.IsType<SubscriptionUpdateBase>(PolarJson.Deserialize<SubscriptionUpdate>("""{"product_id":"p","proration_behavior":"prorate"}"""));
    }

    [Fact]
    public void Request_bodies_that_are_unions_in_the_operation_read_as_their_member()
    {
        Assert.IsType<BenefitFeatureFlagUpdate>(PolarJson.Deserialize<BenefitUpdate>("""{"type":"feature_flag","description":"API access"}"""));
        Assert.IsType<CustomerSessionCustomerExternalIDCreate>(PolarJson.Deserialize<CustomerSessionCreate>("""{"external_customer_id":"user-42"}"""));
        Assert.IsType<CustomerSessionCustomerIDCreate>(PolarJson.Deserialize<CustomerSessionCreate>("""{"customer_id":"c1"}"""));
        Assert.IsType<SubscriptionCreateExternalCustomer>(PolarJson.Deserialize<SubscriptionCreate>("""{"product_id":"p","external_customer_id":"user-42"}"""));
    }

    [Fact]
    public void A_legacy_recurring_price_is_still_a_product_price()
    {
        var price = PolarJson.Deserialize<ProductPrice>("""{"amount_type":"fixed","type":"recurring","legacy":true,"recurring_interval":"month","id":"p"}""");

        Assert.IsAssignableFrom<LegacyRecurringProductPrice>(price);
        Assert.Equal("p", price.Id);
    }

    [Fact]
    public void Metadata_keeps_strings_integers_numbers_and_booleans()
    {
        var metadata = PolarJson.Deserialize<Dictionary<string, MetadataValue>>("""{"s":"x","i":5,"n":1.5,"b":true}""");

        Assert.Equal(MetadataValueKind.String, metadata["s"].Kind);
        Assert.Equal(5, metadata["i"].AsInteger());
        Assert.Equal(1.5, metadata["n"].AsNumber());
        Assert.True(metadata["b"].AsBoolean());
        Assert.Equal("""{"s":"x","i":5,"n":1.5,"b":true}""", PolarJson.Serialize(metadata));
    }

    [Fact]
    public void Instants_are_written_as_polar_writes_them()
    {
        var at = new DateTimeOffset(2026, 10, 9, 10, 53, 20, TimeSpan.FromHours(2));

        Assert.Equal("2026-10-09T08:53:20Z", PolarDateTimeConverter.Format(at));
        Assert.Equal("2026-10-09T08:53:20.123456Z", PolarDateTimeConverter.Format(at.AddTicks(1_234_560)));
    }

    private static readonly JsonSerializerOptions InstantOptions = new() { Converters = { new PolarDateTimeConverter() } };

    [Theory]
    [InlineData(0L)]
    [InlineData(5L)]
    [InlineData(10L)]
    [InlineData(9_999_999L)]
    [InlineData(1_000_000L)]
    [InlineData(-1L)]
    public void Instants_are_written_exactly_as_the_format_string_writes_them(long extraTicks)
    {
        // Microseconds truncated, not rounded; a fraction below a microsecond still writes ".000000", as "ffffff" does.
        foreach (var at in new[]
        {
            new DateTimeOffset(2026, 10, 9, 10, 53, 20, TimeSpan.FromHours(2)),
            new DateTimeOffset(1, 1, 1, 0, 0, 1, TimeSpan.Zero),
            new DateTimeOffset(999, 12, 31, 23, 59, 59, TimeSpan.Zero),
            new DateTimeOffset(9999, 12, 31, 23, 59, 58, TimeSpan.Zero),
            new DateTimeOffset(2024, 2, 29, 5, 4, 3, TimeSpan.FromMinutes(-330)),
        })
        {
            var instant = at.AddTicks(extraTicks);
            var utc = instant.UtcDateTime;
            var expected = utc.ToString(
                utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
                System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal(expected, PolarDateTimeConverter.Format(instant));
            Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(instant, InstantOptions));
        }
    }
}
