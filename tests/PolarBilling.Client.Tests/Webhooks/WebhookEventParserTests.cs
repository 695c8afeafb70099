using System.Text;
using System.Text.Json;
using PolarBilling.Client.Tests.Infrastructure;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Client.Tests.Webhooks;

/// <summary>Every event type of API 2026-10 parses into its own typed class; anything else never breaks parsing.</summary>
public sealed class WebhookEventParserTests
{
    private const string Timestamp = "2026-10-01T12:00:05.123456Z";

    public static TheoryData<string> EventTypes => [.. WebhookEventTypes.All];

    [Fact]
    public void There_are_42_distinct_event_types_the_41_of_the_spec_plus_subscription_migrated()
    {
        Assert.Equal(42, WebhookEventTypes.All.Distinct().Count());
        Assert.Equal([.. SpecWebhooks.DataModels.Keys.Order(), "subscription.migrated"], WebhookEventTypes.All.Except(["subscription.migrated"]).Order().Append("subscription.migrated"));
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Event_type_parses_into_its_typed_class_with_typed_data(string type)
    {
        var model = SpecWebhooks.DataModel(type);
        var data = WebhookSamples.ByModel[model];
        var body = Envelope(type, data);
        if (SpecWebhooks.DataModels.ContainsKey(type))
        {
            OpenApiSpec.AssertWebhookValid(type, body);
        }
        else
        {
            OpenApiSpec.AssertValid(model, data);
        }

        var parsed = WebhookEventParser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(SpecWebhooks.ClassName(type), parsed.GetType().Name);
        Assert.Equal(model, parsed.GetType().BaseType!.GetGenericArguments().Single().Name);
        Assert.Equal(type, parsed.Type);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 12, 0, 5, TimeSpan.Zero).AddTicks(1_234_560), parsed.Timestamp);
        Assert.Equal(Timestamp, parsed.TimestampText);
        Assert.Equal(body, parsed.RawJson);
        Assert.Equal(Encoding.UTF8.GetBytes(body), parsed.RawJsonUtf8.ToArray());
        var typedData = parsed.GetType().GetProperty("Data")!.GetValue(parsed)!;
        Assert.IsAssignableFrom(parsed.GetType().BaseType!.GetGenericArguments().Single(), typedData);
        Assert.Equal(JsonDocument.Parse(data).RootElement.GetProperty("id").GetString(), typedData.GetType().GetProperty("Id")!.GetValue(typedData));
    }

    [Fact]
    public void Subscription_event_data_carries_the_fields_a_projector_needs()
    {
        var parsed = WebhookEventParser.Parse(Envelope("subscription.active", WebhookSamples.Subscription));

        var active = Assert.IsType<SubscriptionActiveWebhookEvent>(parsed);
        Assert.Equal(SubscriptionStatus.Active, active.Data.Status);
        Assert.Equal(1500, active.Data.Amount);
        Assert.Equal("user_42", active.Data.Customer.ExternalId);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 12, 0, 1, TimeSpan.Zero).AddTicks(2_045_180), active.Data.CurrentPeriodEnd);
    }

    [Fact]
    public void Customer_data_is_read_as_the_union_member_its_type_names()
    {
        var team = WebhookSamples.Customer.Replace("\"type\":\"individual\"", "\"type\":\"team\"");

        var parsed = Assert.IsType<CustomerCreatedWebhookEvent>(WebhookEventParser.Parse(Envelope("customer.created", team)));

        Assert.IsType<CustomerTeam>(parsed.Data);
    }

    [Fact]
    public void Events_of_one_model_can_be_handled_alike()
    {
        var events = new[] { "subscription.created", "subscription.canceled", "subscription.migrated" }
            .Select(type => WebhookEventParser.Parse(Envelope(type, WebhookSamples.Subscription)));

        Assert.All(events, e => Assert.Equal(WebhookSamples.SubscriptionId, Assert.IsAssignableFrom<PolarWebhookEvent<Subscription>>(e).Data.Id));
    }

    [Fact]
    public void Unknown_event_type_is_kept_as_raw_json_and_never_throws()
    {
        var body = Envelope("invoice.teleported", """{"id":"x","whatever":[1,2,3]}""");

        var unknown = Assert.IsType<UnknownWebhookEvent>(WebhookEventParser.Parse(body));

        Assert.Equal("invoice.teleported", unknown.Type);
        Assert.Equal(3, unknown.Data.GetProperty("whatever").GetArrayLength());
        Assert.Equal(body, unknown.RawJson);
    }

    [Fact]
    public void Unknown_event_type_with_non_object_data_is_still_kept() =>
        Assert.Equal(JsonValueKind.Null, Assert.IsType<UnknownWebhookEvent>(WebhookEventParser.Parse(Envelope("future.thing", "null"))).Data.ValueKind);

    [Fact]
    public void Extra_envelope_fields_and_unknown_data_fields_are_tolerated()
    {
        var data = WebhookSamples.Member.Replace("\"role\":\"member\"", "\"role\":\"member\",\"new_field\":{\"a\":1}");
        var body = $$"""{"type":"member.updated","timestamp":"{{Timestamp}}","data":{{data}},"api_version":"2026-10"}""";

        var parsed = Assert.IsType<MemberUpdatedWebhookEvent>(WebhookEventParser.Parse(body));

        Assert.True(parsed.Data.AdditionalProperties!.ContainsKey("new_field"));
    }

    [Fact]
    public void Timestamp_without_fraction_or_with_an_offset_is_read_as_the_same_instant()
    {
        Assert.Equal(
            new DateTimeOffset(2026, 10, 1, 12, 0, 5, TimeSpan.Zero),
            WebhookEventParser.Parse("""{"type":"x.y","timestamp":"2026-10-01T14:00:05+02:00","data":{}}""").Timestamp);
        Assert.Equal("2026-10-01T12:00:05Z", WebhookEventParser.Parse("""{"type":"x.y","timestamp":"2026-10-01T12:00:05Z","data":{}}""").TimestampText);
    }

    internal static string Envelope(string type, string data) =>
        $$"""{"type":"{{type}}","timestamp":"{{Timestamp}}","data":{{data}}}""";
}
