using System.Text;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Client.Tests.Webhooks;

/// <summary>Every failure reason comes with a message that says what to fix, and never the secret.</summary>
public sealed class WebhookVerifierFailureTests
{
    private const string Secret = "whsec_testsecret0123456789";
    private const string Id = "0b1d3f5e-1111-4222-8333-944455556666";
    private const string SignedAt = "1760000000";
    private const string Signature = "v1,zjqhFy8KO7BBOJ1Osum79j+O1pLevTgB3cd4XDS4ZI8=";
    private static readonly byte[] Body =
        Encoding.UTF8.GetBytes("""{"type":"customer.created","timestamp":"2025-10-09T08:53:20.000000Z","data":{"id":"x"}}""");

    private static readonly WebhookVerifier Verifier = new(Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1760000000)));

    [Theory]
    [InlineData("")]
    [InlineData("whsec_")]
    [InlineData("   ")]
    public void Empty_secret_fails_every_delivery_and_says_where_to_find_the_secret(string secret)
    {
        var result = new WebhookVerifier(secret).Verify(Body, Id, SignedAt, Signature);

        Assert.Equal(WebhookVerificationFailure.EmptySecret, result.Failure);
        Assert.Contains("secret is empty", result.Message);
    }

    [Theory]
    [InlineData(null, SignedAt, Signature, "webhook-id header is")]
    [InlineData(Id, null, Signature, "webhook-timestamp header is")]
    [InlineData(Id, SignedAt, null, "webhook-signature header is")]
    [InlineData(Id, SignedAt, "", "webhook-signature header is")]
    [InlineData(null, null, Signature, "webhook-id and webhook-timestamp headers are")]
    public void Missing_header_names_the_header(string? id, string? timestamp, string? signature, string expected)
    {
        var result = Verifier.Verify(Body, id, timestamp, signature);

        Assert.Equal(WebhookVerificationFailure.MissingHeader, result.Failure);
        Assert.Contains(expected, result.Message);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("1760000000.5")]
    [InlineData("99999999999999999999")]
    public void Malformed_timestamp_is_reported_with_the_value(string timestamp)
    {
        var result = Verifier.Verify(Body, Id, timestamp, Signature);

        Assert.Equal(WebhookVerificationFailure.MalformedTimestamp, result.Failure);
        Assert.Contains($"'{timestamp}'", result.Message);
    }

    [Fact]
    public void Echoed_timestamp_is_shortened_and_stripped_of_control_characters()
    {
        var result = Verifier.Verify(Body, Id, "abc\r\ninjected" + new string('x', 100), Signature);

        Assert.Contains("'abc??injected", result.Message);
        Assert.DoesNotContain(new string('x', 100), result.Message);
    }

    [Fact]
    public void No_matching_signature_says_both_key_schemes_were_tried_and_names_the_usual_mistakes()
    {
        var result = Verifier.Verify(Body, Id, SignedAt, "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, result.Failure);
        Assert.Contains("Both key schemes were tried", result.Message);
        Assert.Contains("re-serialized", result.Message);
        Assert.Contains("raw request bytes", result.Message);
        Assert.Contains("secret belongs to another", result.Message);
    }

    [Fact]
    public void Secret_that_is_not_base64_is_tried_with_the_legacy_key_only_and_says_so()
    {
        var result = new WebhookVerifier("whsec_not*base64!", new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1760000000)))
            .Verify(Body, Id, SignedAt, Signature);

        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, result.Failure);
        Assert.Contains("Only the legacy key", result.Message);
    }

    [Fact]
    public void Signature_header_without_a_v1_entry_says_there_was_nothing_to_compare()
    {
        var result = Verifier.Verify(Body, Id, SignedAt, "invalid_signature");

        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, result.Failure);
        Assert.Contains("no 'v1,<base64>' entry", result.Message);
    }

    [Fact]
    public void No_message_ever_contains_the_secret_or_its_key_text()
    {
        var messages = new[]
        {
            Verifier.Verify(Body, Id, SignedAt, "v1,AAAA").Message,
            Verifier.Verify(Body, null, SignedAt, Signature).Message,
            Verifier.Verify(Body, Id, "x", Signature).Message,
            Verifier.Verify(Body, Id, "1", Signature).Message,
            Verifier.Verify(Body, Id, "9999999999", Signature).Message,
            Verifier.Verify(Body, Id, SignedAt, Signature).Message,
        };

        Assert.All(messages, message => Assert.DoesNotContain("testsecret", message));
    }

    [Fact]
    public void ThrowIfInvalid_throws_a_PolarException_carrying_the_reason_and_message()
    {
        var result = Verifier.Verify(Body, Id, SignedAt, "v1,AAAA");

        var exception = Assert.Throws<WebhookVerificationException>(result.ThrowIfInvalid);

        Assert.IsAssignableFrom<PolarException>(exception);
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, exception.Failure);
        Assert.Equal(result.Message, exception.Message);
    }

    [Fact]
    public void ThrowIfInvalid_does_nothing_for_a_valid_delivery() =>
        Verifier.Verify(Body, Id, SignedAt, Signature).ThrowIfInvalid();

    [Fact]
    public void Header_pairs_are_matched_case_insensitively()
    {
        var headers = new Dictionary<string, string>
        {
            ["Webhook-Id"] = Id,
            ["WEBHOOK-TIMESTAMP"] = SignedAt,
            ["webhook-Signature"] = Signature,
            ["content-type"] = "application/json",
        };

        Assert.True(Verifier.Verify(Body, headers).IsValid);
    }

    [Fact]
    public void Header_lookup_function_is_asked_for_the_three_standard_names()
    {
        var asked = new List<string>();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["webhook-id"] = Id, ["webhook-timestamp"] = SignedAt, ["webhook-signature"] = Signature,
        };

        var result = Verifier.Verify(Body, name => { asked.Add(name); return headers.GetValueOrDefault(name); });

        Assert.True(result.IsValid, result.Message);
        Assert.Equal([WebhookHeaderNames.Id, WebhookHeaderNames.Timestamp, WebhookHeaderNames.Signature], asked);
    }
}
