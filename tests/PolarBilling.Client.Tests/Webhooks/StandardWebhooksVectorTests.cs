using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.Client.Webhooks;
using Xunit;
using static PolarBilling.Client.Tests.Webhooks.StandardWebhooksVectors;

namespace PolarBilling.Client.Tests.Webhooks;

/// <summary>Every case of the vendored Standard Webhooks and Polar vectors, run as data.</summary>
public sealed class StandardWebhooksVectorTests
{
    public static TheoryData<string> VerifyCaseNames => [.. VerifyCases.Concat(DerivedCases).Select(c => c.String("name"))];

    public static TheoryData<string> SignVectorNames => [.. SignVectors.Select(c => c.String("name"))];

    public static TheoryData<string> SignErrorCaseNames => [.. SignErrorCases.Select(c => c.String("name"))];

    public static TheoryData<string> SecretParsingInputs => [.. SecretParsingCases.Select(c => c.String("input"))];

    public static TheoryData<string> PolarKeyVectorNames => [.. PolarKeyDerivationVectors.Select(c => c.String("name"))];

    [Fact]
    public void The_vectors_use_Polars_300_second_tolerance() =>
        Assert.Equal(WebhookVerifier.DefaultTolerance, TimeSpan.FromSeconds(ToleranceSeconds));

    [Fact]
    public void Every_vector_group_is_loaded() =>
        Assert.Equal([28, 6, 2, 3, 4, 2], new[]
        {
            VerifyCases.Count, DerivedCases.Count, SignVectors.Count,
            SignErrorCases.Count, SecretParsingCases.Count, PolarKeyDerivationVectors.Count,
        });

    [Theory]
    [MemberData(nameof(VerifyCaseNames))]
    public void Verify_case_gives_the_expected_outcome(string name)
    {
        var vector = VerifyCase(name);
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(vector.GetProperty("verify_at_unix").GetInt64()));
        var verifier = new WebhookVerifier(vector.String("secret"), clock)
        {
            Tolerance = vector.Flag("ignore_tolerance") ? Timeout.InfiniteTimeSpan : WebhookVerifier.DefaultTolerance,
        };
        var headers = vector.GetProperty("headers").EnumerateObject().Select(h => KeyValuePair.Create(h.Name, h.Value.GetString()!));

        var result = verifier.Verify(Encoding.UTF8.GetBytes(vector.String("payload")), headers);

        var expected = vector.String("expect") == "pass" ? WebhookVerificationFailure.None : Expected(vector.String("fail_reason"));
        Assert.True(expected == result.Failure, $"{name}: expected {expected}, got {result}");
    }

    [Theory]
    [MemberData(nameof(SignVectorNames))]
    public void Sign_vector_is_reproduced_with_the_standard_key(string name)
    {
        var vector = Named(SignVectors, name);
        var signer = new WebhookSigner(vector.String("secret"), WebhookKeyScheme.Standard);

        var headers = signer.Sign(vector.String("msg_id"), vector.GetProperty("timestamp").GetInt64(), Encoding.UTF8.GetBytes(vector.String("payload")));

        Assert.Equal(vector.String("expected_signature"), headers.Signature);
    }

    [Theory]
    [MemberData(nameof(SignErrorCaseNames))]
    public void Sign_error_case_is_rejected(string name)
    {
        var vector = Named(SignErrorCases, name);
        var signer = new WebhookSigner(vector.String("secret"), WebhookKeyScheme.Standard);

        Assert.ThrowsAny<ArgumentException>(
            () => signer.Sign(vector.String("msg_id"), vector.String("timestamp"), Encoding.UTF8.GetBytes(vector.String("payload"))));
    }

    [Theory]
    [MemberData(nameof(SecretParsingInputs))]
    public void Secret_parsing_case_gives_the_expected_key(string input)
    {
        var vector = SecretParsingCases.Single(c => c.String("input") == input);
        if (vector.String("expect") == "reject_empty_secret")
        {
            var result = new WebhookVerifier(input).Verify("{}"u8, "msg_1", "1614265330", "v1,AAAA");
            Assert.Equal(WebhookVerificationFailure.EmptySecret, result.Failure);
            Assert.Throws<ArgumentException>(() => new WebhookSigner(input, WebhookKeyScheme.Standard));
            Assert.Throws<ArgumentException>(() => new WebhookSigner(input, WebhookKeyScheme.Legacy));
            return;
        }

        Assert.True(WebhookSecret.TryGetStandardKey(input, out var key));
        Assert.Equal(vector.GetProperty("key_length").GetInt32(), key.Length);
    }

    [Theory]
    [MemberData(nameof(PolarKeyVectorNames))]
    public void Polar_key_derivation_vector_signs_and_verifies(string name)
    {
        var vector = Named(PolarKeyDerivationVectors, name);
        var scheme = name.Contains("legacy", StringComparison.Ordinal) ? WebhookKeyScheme.Legacy : WebhookKeyScheme.Standard;
        var body = Encoding.UTF8.GetBytes(vector.String("payload"));
        var timestamp = vector.GetProperty("timestamp").GetInt64();

        var headers = new WebhookSigner(vector.String("secret"), scheme).Sign(vector.String("msg_id"), timestamp, body);
        var result = new WebhookVerifier(vector.String("secret"), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(timestamp)))
            .Verify(body, headers.ToHeaders());

        Assert.Equal(vector.String("expected_signature"), headers.Signature);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(scheme, result.MatchedKeyScheme);
    }

    private static WebhookVerificationFailure Expected(string failReason) => failReason switch
    {
        "missing_required_headers" => WebhookVerificationFailure.MissingHeader,
        "invalid_timestamp_header" => WebhookVerificationFailure.MalformedTimestamp,
        "timestamp_too_old" => WebhookVerificationFailure.TimestampTooOld,
        "timestamp_too_new" => WebhookVerificationFailure.TimestampTooNew,
        "no_matching_signature" or "invalid_signature_header_or_no_match" => WebhookVerificationFailure.NoMatchingSignature,
        _ => throw new JsonException($"Unknown fail_reason '{failReason}' in the vectors."),
    };
}
