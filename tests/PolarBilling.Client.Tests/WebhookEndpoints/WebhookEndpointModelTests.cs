using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.WebhookEndpoints;

/// <summary>The webhook endpoint and delivery models against the spec: every fixture, unknown values kept.</summary>
public sealed class WebhookEndpointModelTests
{
    [Theory]
    [InlineData("endpoint-raw.json")]
    [InlineData("endpoint-disabled-discord.json")]
    public void Endpoint_fixtures_are_valid_fully_modelled_and_round_trip(string fixture)
    {
        var endpoint = ModelRoundTrip.Assert<WebhookEndpoint>("WebhookEndpoint", ModelRoundTrip.Fixture("WebhookEndpoints/" + fixture));

        Assert.NotEmpty(endpoint.Events);
    }

    [Theory]
    [InlineData("delivery-succeeded.json")]
    [InlineData("delivery-failed-5xx.json")]
    [InlineData("delivery-no-answer-archived.json")]
    public void Delivery_fixtures_are_valid_fully_modelled_and_round_trip(string fixture)
    {
        var delivery = ModelRoundTrip.Assert<WebhookDelivery>("WebhookDelivery", ModelRoundTrip.Fixture("WebhookEndpoints/" + fixture));

        Assert.NotEmpty(delivery.WebhookEvent.Id);
    }

    [Fact]
    public void An_endpoint_reads_its_format_events_secret_and_state()
    {
        var endpoint = PolarJson.Deserialize<WebhookEndpoint>(WebhookEndpointFixtures.Raw);
        var disabled = PolarJson.Deserialize<WebhookEndpoint>(WebhookEndpointFixtures.DisabledDiscord);

        Assert.Equal((WebhookFormat.Raw, true, "Production app"), (endpoint.Format, endpoint.Enabled, endpoint.Name));
        Assert.Contains(WebhookEventType.OrderPaid, endpoint.Events);
        Assert.StartsWith("polar_whs_", endpoint.Secret, StringComparison.Ordinal);
        Assert.Equal((WebhookFormat.Discord, false, (string?)null), (disabled.Format, disabled.Enabled, disabled.Name));
    }

    [Fact]
    public void Deliveries_read_the_answer_and_the_event_including_archived_ones()
    {
        var failed = PolarJson.Deserialize<WebhookDelivery>(WebhookEndpointFixtures.DeliveryFailed);
        var archived = PolarJson.Deserialize<WebhookDelivery>(WebhookEndpointFixtures.DeliveryNoAnswerArchived);

        Assert.Equal((false, 503L), (failed.Succeeded, failed.HttpCode));
        Assert.Equal((WebhookEndpointFixtures.FailedEventId, WebhookEventType.SubscriptionUpdated), (failed.WebhookEvent.Id, failed.WebhookEvent.Type));
        Assert.Contains("\"subscription.updated\"", failed.WebhookEvent.Payload, StringComparison.Ordinal);
        Assert.Equal(((long?)null, (string?)null), (archived.HttpCode, archived.Response));
        Assert.Equal((true, true, (string?)null), (archived.WebhookEvent.IsArchived, archived.WebhookEvent.Skipped, archived.WebhookEvent.Payload));
    }

    [Fact]
    public void Endpoint_and_delivery_list_pages_are_valid()
    {
        var endpoints = WebhookEndpointFixtures.Page([WebhookEndpointFixtures.Raw, WebhookEndpointFixtures.DisabledDiscord], 2, 1);
        var deliveries = WebhookEndpointFixtures.Page([WebhookEndpointFixtures.DeliverySucceeded, WebhookEndpointFixtures.DeliveryFailed, WebhookEndpointFixtures.DeliveryNoAnswerArchived], 3, 1);
        OpenApiSpec.AssertResponseValid("GET", "/v1/webhooks/endpoints", 200, endpoints);
        OpenApiSpec.AssertResponseValid("GET", "/v1/webhooks/deliveries", 200, deliveries);

        Assert.Equal(2, PolarJson.Deserialize<PolarList<WebhookEndpoint>>(endpoints).Items.Count);
        Assert.Equal([true, false, false], PolarJson.Deserialize<PolarList<WebhookDelivery>>(deliveries).Items.Select(d => d.Succeeded));
    }

    [Fact]
    public void Unknown_formats_and_event_types_are_kept_not_rejected()
    {
        var node = JsonNode.Parse(WebhookEndpointFixtures.Raw)!.AsObject();
        node["format"] = "teams";
        node["events"]!.AsArray().Add("subscription.future_event");
        var json = node.ToJsonString();

        var endpoint = PolarJson.Deserialize<WebhookEndpoint>(json);

        Assert.Equal("teams", endpoint.Format.Value);
        Assert.False(endpoint.Events[^1].IsKnown);
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(endpoint));
    }
}
