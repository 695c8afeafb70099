using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using Xunit;

namespace PolarBilling.Client.Tests.Meters;

/// <summary>Meters: filters (nested, every value kind), every aggregation, quantities; unknown kinds survive.</summary>
public sealed class MeterModelTests
{
    public static TheoryData<string> Fixtures() => ["meter-api-calls.json", "meter-llm-tokens.json", "meter-storage-archived.json"];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_meter_fixture_round_trips_against_the_spec(string file) =>
        ModelRoundTrip.Assert<Meter>("Meter", ModelRoundTrip.Fixture($"Meters/{file}"));

    [Fact]
    public void A_count_meter_reads_its_event_name_filter()
    {
        var meter = ModelRoundTrip.Assert<Meter>("Meter", MeterFixtures.ApiCalls);

        Assert.Equal(("API calls", MeterUnit.Scalar), (meter.Name, meter.Unit));
        Assert.IsType<CountAggregation>(meter.Aggregation);
        Assert.Equal(FilterConjunction.And, meter.Filter.Conjunction);
        var clause = Assert.IsType<FilterClause>(Assert.Single(meter.Filter.Clauses));
        Assert.Equal(("name", FilterOperator.Eq, "api_call"), (clause.Property, clause.Operator, clause.Value.ToString()));
        Assert.Null(meter.ArchivedAt);
        Assert.Equal("platform", meter.Metadata["team"].ToString());
    }

    [Fact]
    public void A_nested_filter_reads_string_integer_and_boolean_values()
    {
        var meter = ModelRoundTrip.Assert<Meter>("Meter", MeterFixtures.Tokens);

        var nested = Assert.IsType<Filter>(meter.Filter.Clauses[1]);
        Assert.Equal(FilterConjunction.Or, nested.Conjunction);
        var values = nested.Clauses.Cast<FilterClause>().ToList();
        Assert.Equal((FilterOperator.Like, MetadataValueKind.String, "gpt-%"), (values[0].Operator, values[0].Value.Kind, values[0].Value.ToString()));
        Assert.Equal((FilterOperator.Gte, 2L), (values[1].Operator, values[1].Value.AsInteger()));
        Assert.False(values[2].Value.AsBoolean());
        var sum = Assert.IsType<PropertyAggregation>(meter.Aggregation);
        Assert.Equal(("sum", "total_tokens"), (sum.Func, sum.Property));
        Assert.Equal(MeterUnit.Token, meter.Unit);
    }

    [Fact]
    public void An_archived_custom_unit_meter_reads_its_label_multiplier_and_archive_time()
    {
        var meter = ModelRoundTrip.Assert<Meter>("Meter", MeterFixtures.StorageArchived);

        Assert.Equal((MeterUnit.Custom, "GB", 1000L), (meter.Unit, meter.CustomLabel, meter.CustomMultiplier));
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), meter.ArchivedAt);
        Assert.Equal("max", Assert.IsType<PropertyAggregation>(meter.Aggregation).Func);
    }

    [Theory]
    [InlineData("sum")]
    [InlineData("max")]
    [InlineData("min")]
    [InlineData("avg")]
    public void Every_property_aggregation_reads_as_a_property_aggregation(string func)
    {
        var json = WithAggregation(new JsonObject { ["func"] = func, ["property"] = "latency_ms" });

        var meter = ModelRoundTrip.Assert<Meter>("Meter", json);

        var aggregation = Assert.IsType<PropertyAggregation>(meter.Aggregation);
        Assert.Equal((func, "latency_ms"), (aggregation.Func, aggregation.Property));
    }

    [Fact]
    public void A_unique_aggregation_round_trips_with_its_function_and_property()
    {
        var json = WithAggregation(new JsonObject { ["func"] = "unique", ["property"] = "user_id" });

        var meter = ModelRoundTrip.Assert<Meter>("Meter", json);

        var written = JsonNode.Parse(PolarJson.Serialize(meter.Aggregation))!;
        Assert.Equal(("unique", "user_id"), (written["func"]!.GetValue<string>(), written["property"]!.GetValue<string>()));
    }

    [Fact]
    public void A_unique_aggregation_reads_as_UniqueAggregation()
    {
        var meter = PolarJson.Deserialize<Meter>(WithAggregation(new JsonObject { ["func"] = "unique", ["property"] = "user_id" }));

        Assert.Equal("user_id", Assert.IsType<UniqueAggregation>(meter.Aggregation).Property);
    }

    [Fact]
    public void An_aggregation_of_an_unknown_function_reads_as_unknown_and_writes_back_unchanged()
    {
        var json = WithAggregation(new JsonObject { ["func"] = "percentile", ["percentile"] = 95 });

        var meter = PolarJson.Deserialize<Meter>(json);

        Assert.IsType<UnknownMeterAggregation>(meter.Aggregation);
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(meter));
    }

    [Fact]
    public void A_filter_entry_of_an_unknown_shape_reads_as_unknown_and_writes_back_unchanged()
    {
        var json = JsonNode.Parse(MeterFixtures.ApiCalls)!;
        json["filter"]!["clauses"]!.AsArray().Add(new JsonObject { ["expression"] = "tokens * 2 > 100" });

        var meter = PolarJson.Deserialize<Meter>(json.ToJsonString());

        Assert.IsType<UnknownFilterCondition>(meter.Filter.Clauses[1]);
        ModelRoundTrip.AssertEquivalent(json.ToJsonString(), PolarJson.Serialize(meter));
    }

    [Fact]
    public void Unknown_operator_conjunction_and_unit_values_are_kept()
    {
        var json = JsonNode.Parse(MeterFixtures.ApiCalls)!;
        json["unit"] = "byte";
        json["filter"]!["conjunction"] = "xor";
        json["filter"]!["clauses"]![0]!["operator"] = "regex";

        var meter = PolarJson.Deserialize<Meter>(json.ToJsonString());

        Assert.Equal(("byte", "xor", "regex"), (meter.Unit.Value, meter.Filter.Conjunction.Value, ((FilterClause)meter.Filter.Clauses[0]).Operator.Value));
        ModelRoundTrip.AssertEquivalent(json.ToJsonString(), PolarJson.Serialize(meter));
    }

    [Fact]
    public void Quantities_read_each_bucket_and_the_total()
    {
        var quantities = ModelRoundTrip.Assert<MeterQuantities>("MeterQuantities", MeterFixtures.Quantities);

        Assert.Equal([1200, 830.5, 0], quantities.Quantities.Select(q => q.Quantity));
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero), quantities.Quantities[1].Timestamp);
        Assert.Equal(2030.5, quantities.Total);
    }

    private static string WithAggregation(JsonObject aggregation)
    {
        var json = JsonNode.Parse(MeterFixtures.ApiCalls)!;
        json["aggregation"] = aggregation;
        return json.ToJsonString();
    }
}
