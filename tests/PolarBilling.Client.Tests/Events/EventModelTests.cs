using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using PolarBilling.Client.Tests.Products;
using Xunit;

namespace PolarBilling.Client.Tests.Events;

/// <summary>Events your app ingested and events Polar created, both list shapes, names and ingest answers.</summary>
public sealed class EventModelTests
{
    [Fact]
    public void A_user_event_reads_its_flat_metadata_and_the_structured_llm_and_cost_keys()
    {
        var @event = ModelRoundTrip.Assert<Event>("Event", EventFixtures.LlmCompletion);

        var user = Assert.IsType<UserEvent>(@event);
        Assert.Equal(("llm_completion", "user", "user_42", 2L), (user.Name, user.Source, user.ExternalCustomerId, user.ChildCount));
        Assert.Equal(new DateTimeOffset(2026, 6, 3, 17, 45, 12, 503, TimeSpan.Zero), user.Timestamp);
        Assert.Equal("ada@example.com", Assert.IsType<CustomerIndividual>(user.Customer).Email);
        Assert.Equal((1200L, 300L, 1830L), (user.Metadata.Llm!.InputTokens, user.Metadata.Llm.CachedInputTokens, user.Metadata.Llm.TotalTokens));
        Assert.Equal(("0.0421", "usd"), (user.Metadata.Cost!.Amount, user.Metadata.Cost.Currency));
        var values = EventMetadata.Values(user.Metadata);
        Assert.Equal(["model", "total_tokens", "latency_ms", "cached"], values.Keys);
        Assert.Equal(("gpt-5", 1830L, 412.5, false), (values["model"].ToString(), values["total_tokens"].AsInteger(), values["latency_ms"].AsNumber(), values["cached"].AsBoolean()));
    }

    [Fact]
    public void A_child_event_of_a_team_member_has_no_customer_object()
    {
        var user = Assert.IsType<UserEvent>(ModelRoundTrip.Assert<Event>("Event", EventFixtures.Child));

        Assert.Null(user.Customer);
        Assert.Null(user.CustomerId);
        Assert.Equal((EventFixtures.LlmCompletionId, "user_1001"), (user.ParentId, user.ExternalMemberId));
        Assert.Empty(EventMetadata.Values(user.Metadata));
    }

    [Fact]
    public void A_system_event_reads_as_its_typed_member()
    {
        var @event = ModelRoundTrip.Assert<Event>("Event", EventFixtures.MeterCredited);

        var credited = Assert.IsType<MeterCreditEvent>(@event);
        Assert.Equal(("meter.credited", EventFixtures.ApiCallsMeterId, 10000L), (credited.Name, credited.Metadata.MeterId, credited.Metadata.Units));
        Assert.IsAssignableFrom<SystemEvent>(credited);
    }

    [Fact]
    public void Both_list_shapes_are_valid_answers_to_list_events_and_read_into_one_list_type()
    {
        OpenApiSpec.AssertResponseValid("GET", "/v1/events/", 200, EventFixtures.NumberedPage);
        OpenApiSpec.AssertResponseValid("GET", "/v1/events/", 200, EventFixtures.CursorPage);

        var numbered = ModelRoundTrip.Assert<PolarList<Event>>("ListResource_Event_", EventFixtures.NumberedPage);
        var cursor = ModelRoundTrip.Assert<PolarList<Event>>("ListResourceWithCursorPagination_Event_", EventFixtures.CursorPage);

        Assert.Equal((3L, 2, (bool?)null), (numbered.Pagination.TotalCount, numbered.Pagination.MaxPage, numbered.Pagination.HasNextPage));
        Assert.Equal([typeof(UserEvent), typeof(MeterCreditEvent)], numbered.Items.Select(e => e.GetType()));
        Assert.Equal(((long?)null, (int?)null, true), (cursor.Pagination.TotalCount, cursor.Pagination.MaxPage, cursor.Pagination.HasNextPage));
    }

    [Fact]
    public void Event_names_read_their_counts_and_first_and_last_seen()
    {
        var names = ModelRoundTrip.Assert<PolarList<EventName>>("ListResource_EventName_", EventFixtures.NamesPage);

        Assert.Equal((("api_call", EventSource.User, 182734L)), (names.Items[0].Name, names.Items[0].Source, names.Items[0].Occurrences));
        Assert.Equal(new DateTimeOffset(2026, 2, 20, 8, 3, 11, TimeSpan.Zero), names.Items[0].FirstSeen);
        Assert.Equal(EventSource.System, names.Items[1].Source);
    }

    [Fact]
    public void Ingest_answers_read_with_and_without_duplicates()
    {
        var withDuplicates = ModelRoundTrip.Assert<EventsIngestResponse>("EventsIngestResponse", EventFixtures.IngestResponse);
        var without = ModelRoundTrip.Assert<EventsIngestResponse>("EventsIngestResponse", EventFixtures.IngestResponseWithoutDuplicates);

        Assert.Equal((3L, 1L), (withDuplicates.Inserted, withDuplicates.Duplicates));
        Assert.Equal((2L, (long?)null), (without.Inserted, without.Duplicates));
    }

    [Fact]
    public void An_event_of_an_unknown_source_reads_as_unknown_and_writes_back_unchanged()
    {
        var json = JsonNode.Parse(EventFixtures.LlmCompletion)!;
        json["source"] = "integration";

        var @event = PolarJson.Deserialize<Event>(json.ToJsonString());

        Assert.IsType<UnknownEvent>(@event);
        Assert.Equal(EventFixtures.LlmCompletionId, @event.Id);
        ModelRoundTrip.AssertEquivalent(json.ToJsonString(), PolarJson.Serialize(@event));
    }

    [Fact]
    public void A_system_event_of_an_unknown_name_reads_as_unknown_system_event_and_writes_back_unchanged()
    {
        var json = JsonNode.Parse(EventFixtures.MeterCredited)!;
        json["name"] = "meter.expired";
        json["metadata"] = new JsonObject { ["meter_id"] = EventFixtures.ApiCallsMeterId, ["expired_units"] = 120 };

        var @event = PolarJson.Deserialize<Event>(json.ToJsonString());

        Assert.IsType<UnknownSystemEvent>(@event);
        ModelRoundTrip.AssertEquivalent(json.ToJsonString(), PolarJson.Serialize(@event));
    }

    [Fact]
    public void An_unknown_event_source_value_in_names_is_kept()
    {
        var names = PolarJson.Deserialize<PolarList<EventName>>(EventFixtures.NamesPage.Replace("\"system\"", "\"partner\"", StringComparison.Ordinal));

        Assert.Equal("partner", names.Items[1].Source.Value);
        Assert.False(names.Items[1].Source.IsKnown);
    }

    [Fact]
    public void Event_metadata_from_values_writes_flat_keys_beside_the_structured_ones()
    {
        var metadata = EventMetadata.From(new Dictionary<string, MetadataValue> { ["tokens"] = 1200, ["model"] = "gpt-5", ["ratio"] = 0.25, ["cached"] = true });
        metadata.Llm = new LLMMetadata { Vendor = "openai", Model = "gpt-5", InputTokens = 1000, OutputTokens = 200, TotalTokens = 1200 };

        ModelRoundTrip.AssertEquivalent(
            """{"tokens":1200,"model":"gpt-5","ratio":0.25,"cached":true,"_llm":{"vendor":"openai","model":"gpt-5","input_tokens":1000,"output_tokens":200,"total_tokens":1200}}""",
            PolarJson.Serialize(metadata));
        OpenApiSpec.AssertValid("EventMetadataInput", PolarJson.Serialize(metadata));
    }

    [Theory]
    [InlineData("")]
    [InlineData("_llm")]
    [InlineData("_cost")]
    public void Event_metadata_refuses_empty_and_reserved_keys(string key) =>
        Assert.Throws<ArgumentException>(() => EventMetadata.From(new Dictionary<string, MetadataValue> { [key] = 1 }));
}
