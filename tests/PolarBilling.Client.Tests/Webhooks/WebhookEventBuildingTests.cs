using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Infrastructure;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Client.Tests.Webhooks;

/// <summary>Events built in code (emulator, tests) serialize as Polar sends them and parse back to the same event.</summary>
public sealed class WebhookEventBuildingTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 10, 1, 12, 0, 5, TimeSpan.Zero).AddTicks(1_234_560);

    [Fact]
    public void Built_event_is_polars_compact_envelope_valid_against_the_spec()
    {
        var subscription = PolarJson.Deserialize<Subscription>(WebhookSamples.Subscription);

        var built = new SubscriptionUpdatedWebhookEvent(subscription, At);

        Assert.StartsWith("""{"type":"subscription.updated","timestamp":"2026-10-01T12:00:05.123456Z","data":{""", built.RawJson);
        OpenApiSpec.AssertWebhookValid("subscription.updated", built.RawJson);
    }

    [Fact]
    public void Built_event_parses_back_to_the_same_type_timestamp_and_data()
    {
        var order = PolarJson.Deserialize<Order>(WebhookSamples.Order);
        var built = new OrderPaidWebhookEvent(order, At);

        var parsed = Assert.IsType<OrderPaidWebhookEvent>(WebhookEventParser.Parse(built.RawJson));

        Assert.Equal(built.Type, parsed.Type);
        Assert.Equal(At, parsed.Timestamp);
        Assert.Equal(built.TimestampText, parsed.TimestampText);
        Assert.Equal(PolarJson.Serialize(order), PolarJson.Serialize(parsed.Data));
    }

    [Fact]
    public void Built_envelope_escapes_text_as_polar_does_and_its_bytes_are_the_text()
    {
        var customer = Assert.IsType<CustomerIndividual>(PolarJson.Deserialize<Customer>(WebhookSamples.Customer));
        customer.Email = "ana+billing@example.com";
        customer.Name = "Zoë & <Co>";

        var built = new CustomerUpdatedWebhookEvent(customer, At);

        // Polar (pydantic's JSON) writes '+', '&', '<' and non-ASCII as they are; only quotes, backslashes and controls are escaped.
        Assert.Contains("\"email\":\"ana+billing@example.com\"", built.RawJson, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Zoë & <Co>\"", built.RawJson, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(built.RawJson), built.RawJsonUtf8.ToArray());
        Assert.Equal(PolarJson.Serialize(customer), JsonDocument.Parse(built.RawJsonUtf8).RootElement.GetProperty("data").GetRawText());
    }

    [Fact]
    public void Whole_second_timestamps_are_written_without_a_fraction_as_polar_does() =>
        Assert.Equal("2026-10-01T12:00:05Z", new MemberCreatedWebhookEvent(PolarJson.Deserialize<Member>(WebhookSamples.Member), At.AddTicks(-1_234_560)).TimestampText);

    [Fact]
    public void Building_without_data_is_rejected() =>
        Assert.Throws<ArgumentNullException>(() => new RefundCreatedWebhookEvent(null!, At));

    [Fact]
    public void Signed_built_event_passes_verify_and_parse()
    {
        var clock = new FakeTimeProvider(At);
        var secret = WebhookSigner.GenerateSecret();
        var body = Encoding.UTF8.GetBytes(new CheckoutUpdatedWebhookEvent(PolarJson.Deserialize<Checkout>(WebhookSamples.Checkout), At).RawJson);
        var headers = new WebhookSigner(secret, WebhookKeyScheme.Standard, clock).Sign("evt_1", body);

        var parsed = new WebhookVerifier(secret, clock).VerifyAndParse(body, headers.ToHeaders());

        Assert.Equal("user_42", Assert.IsType<CheckoutUpdatedWebhookEvent>(parsed).Data.ExternalCustomerId);
    }

    [Fact]
    public void VerifyAndParse_rejects_a_forged_delivery_before_reading_it()
    {
        var clock = new FakeTimeProvider(At);
        var headers = new WebhookSigner(WebhookSigner.GenerateSecret(), WebhookKeyScheme.Standard, clock).Sign("evt_1", "not even json"u8);

        var exception = Assert.Throws<WebhookVerificationException>(
            () => new WebhookVerifier(WebhookSigner.GenerateSecret(), clock).VerifyAndParse("not even json"u8, headers.Id, headers.Timestamp, headers.Signature));

        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, exception.Failure);
    }

    [Fact]
    public void VerifyAndParse_of_an_authentic_but_unreadable_body_is_a_parse_error()
    {
        var clock = new FakeTimeProvider(At);
        var secret = WebhookSigner.GenerateSecret();
        var headers = new WebhookSigner(secret, WebhookKeyScheme.Legacy, clock).Sign("evt_1", "not even json"u8);

        Assert.Throws<WebhookParseException>(
            () => new WebhookVerifier(secret, clock).VerifyAndParse("not even json"u8, name => headers.ToHeaders().FirstOrDefault(h => h.Key == name).Value));
    }
}
