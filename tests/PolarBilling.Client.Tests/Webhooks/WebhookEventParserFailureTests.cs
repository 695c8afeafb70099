using System.Text;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Client.Tests.Webhooks;

/// <summary>A body that is not a readable Polar event gives a <see cref="WebhookParseException"/> naming the problem.</summary>
public sealed class WebhookEventParserFailureTests
{
    [Theory]
    [InlineData("", "body is empty")]
    [InlineData("{\"type\":", "not valid JSON")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "is a JSON array, not an object")]
    [InlineData("{\"timestamp\":\"2026-10-01T12:00:00Z\",\"data\":{}}", "no \"type\" field")]
    [InlineData("{\"type\":42,\"timestamp\":\"2026-10-01T12:00:00Z\",\"data\":{}}", "\"type\" must be a non-empty string")]
    [InlineData("{\"type\":\"\",\"timestamp\":\"2026-10-01T12:00:00Z\",\"data\":{}}", "\"type\" must be a non-empty string")]
    [InlineData("{\"type\":\"order.paid\",\"data\":{}}", "order.paid event has no \"timestamp\" field")]
    [InlineData("{\"type\":\"order.paid\",\"timestamp\":\"yesterday\",\"data\":{}}", "\"timestamp\" of this order.paid event is \"yesterday\", not an ISO 8601")]
    [InlineData("{\"type\":\"order.paid\",\"timestamp\":1760000000,\"data\":{}}", "is 1760000000, not an ISO 8601")]
    [InlineData("{\"type\":\"order.paid\",\"timestamp\":\"2026-10-01T12:00:00Z\"}", "order.paid event has no \"data\" field")]
    [InlineData("{\"type\":\"order.paid\",\"timestamp\":\"2026-10-01T12:00:00Z\",\"data\":null}", "\"data\" of this order.paid event is null; expected a JSON object (Order)")]
    [InlineData("{\"type\":\"order.paid\",\"timestamp\":\"2026-10-01T12:00:00Z\",\"data\":[]}", "is an array; expected a JSON object (Order)")]
    public void Malformed_body_names_the_problem(string body, string expected)
    {
        var exception = Assert.Throws<WebhookParseException>(() => WebhookEventParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(expected, exception.Message);
        Assert.IsAssignableFrom<PolarException>(exception);
    }

    [Fact]
    public void Data_that_does_not_fit_the_model_names_the_model_and_the_json_path()
    {
        var data = WebhookSamples.Subscription.Replace("\"amount\":1500", "\"amount\":\"fifteen dollars\"");

        var exception = Assert.Throws<WebhookParseException>(() => WebhookEventParser.Parse(WebhookEventParserTests.Envelope("subscription.updated", data)));

        Assert.Contains("subscription.updated event is not a valid Subscription at $.data.amount", exception.Message);
        Assert.Equal("subscription.updated", exception.EventType);
        Assert.NotNull(exception.InnerException);
        Assert.DoesNotContain("LineNumber", exception.Message);
    }

    [Fact]
    public void Parse_exception_carries_no_event_type_when_the_type_could_not_be_read() =>
        Assert.Null(Assert.Throws<WebhookParseException>(() => WebhookEventParser.Parse("{}")).EventType);

    [Theory]
    [InlineData("{\"type\":\"order.paid\",\"data\":{}}", "order.paid")]
    [InlineData("{\"type\":\"brand.new\"}", "brand.new")]
    public void TryReadType_reads_only_the_type(string body, string expected)
    {
        Assert.True(WebhookEventParser.TryReadType(Encoding.UTF8.GetBytes(body), out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("[]")]
    [InlineData("{\"type\":7}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"data\":{}}")]
    public void TryReadType_is_false_for_anything_that_is_not_an_envelope(string body) =>
        Assert.False(WebhookEventParser.TryReadType(Encoding.UTF8.GetBytes(body), out _));

    [Fact]
    public void IsKnownType_knows_the_42_types_and_nothing_else()
    {
        Assert.All(WebhookEventTypes.All, type => Assert.True(WebhookEventParser.IsKnownType(type)));
        Assert.False(WebhookEventParser.IsKnownType("subscription.teleported"));
    }
}
