using System.Text;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Client.Tests.Webhooks;

/// <summary>How <see cref="WebhookVerifier"/> accepts Polar deliveries and explains every rejection.</summary>
public sealed class WebhookVerifierTests
{
    // The test vector of API-FACTS section 6: a legacy (pre-2026-09-08) secret.
    private const string Secret = "whsec_testsecret0123456789";
    private const string Id = "0b1d3f5e-1111-4222-8333-944455556666";
    private const long SignedAt = 1760000000;
    private const string Body = """{"type":"customer.created","timestamp":"2025-10-09T08:53:20.000000Z","data":{"id":"x"}}""";
    private const string Signature = "v1,zjqhFy8KO7BBOJ1Osum79j+O1pLevTgB3cd4XDS4ZI8=";
    private const string WrongKeySignature = "v1,dkSpRwFhWKI6H+TiwyWKkL1lcM6BDf9m+UKRVFZp+jI=";

    private static readonly byte[] BodyBytes = Encoding.UTF8.GetBytes(Body);

    [Fact]
    public void Polar_api_facts_vector_passes_with_the_legacy_key()
    {
        var result = Verifier().Verify(BodyBytes, Id, SignedAt.ToString(), Signature);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(WebhookKeyScheme.Legacy, result.MatchedKeyScheme);
        Assert.Equal(Id, result.WebhookId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(SignedAt), result.Timestamp);
    }

    [Fact]
    public void Polar_api_facts_signature_is_what_the_legacy_signer_produces() =>
        Assert.Equal(Signature, new WebhookSigner(Secret, WebhookKeyScheme.Legacy).Sign(Id, SignedAt, BodyBytes).Signature);

    [Fact]
    public void Signature_made_with_the_standard_key_of_the_same_secret_also_passes()
    {
        var result = Verifier().Verify(BodyBytes, Id, SignedAt.ToString(), WrongKeySignature);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(WebhookKeyScheme.Standard, result.MatchedKeyScheme);
    }

    [Fact]
    public void String_body_is_verified_as_its_utf8_bytes() =>
        Assert.True(Verifier().Verify(Body, Id, SignedAt.ToString(), Signature).IsValid);

    [Fact]
    public void Body_changed_by_one_byte_fails()
    {
        var tampered = (byte[])BodyBytes.Clone();
        tampered[^3] ^= 0x01;

        var result = Verifier().Verify(tampered, Id, SignedAt.ToString(), Signature);

        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, result.Failure);
    }

    [Fact]
    public void Re_serialized_body_with_whitespace_fails() =>
        Assert.False(Verifier().Verify(Body.Replace(",", ", "), Id, SignedAt.ToString(), Signature).IsValid);

    [Fact]
    public void Different_webhook_id_fails() =>
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, Verifier().Verify(BodyBytes, Id + "0", SignedAt.ToString(), Signature).Failure);

    [Fact]
    public void One_matching_signature_among_several_passes()
    {
        var header = $"v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v2,{Signature[3..]} {Signature} v1,bm90LWEtc2lnbmF0dXJl";

        Assert.True(Verifier().Verify(BodyBytes, Id, SignedAt.ToString(), header).IsValid);
    }

    [Fact]
    public void Correct_digest_under_another_version_is_not_accepted() =>
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, Verifier().Verify(BodyBytes, Id, SignedAt.ToString(), "v2," + Signature[3..]).Failure);

    [Theory]
    [InlineData(-300)]
    [InlineData(0)]
    [InlineData(300)]
    public void Exactly_300_seconds_either_way_passes(int offsetSeconds) =>
        Assert.True(Verifier(offsetSeconds).Verify(BodyBytes, Id, SignedAt.ToString(), Signature).IsValid);

    [Fact]
    public void Exactly_301_seconds_old_fails_as_too_old_and_says_by_how_much()
    {
        var result = Verifier(301).Verify(BodyBytes, Id, SignedAt.ToString(), Signature);

        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, result.Failure);
        Assert.Contains("301 seconds old", result.Message);
        Assert.Contains("tolerance of 300 seconds", result.Message);
    }

    [Fact]
    public void Exactly_301_seconds_in_the_future_fails_as_too_new_and_points_at_the_clock()
    {
        var result = Verifier(-301).Verify(BodyBytes, Id, SignedAt.ToString(), Signature);

        Assert.Equal(WebhookVerificationFailure.TimestampTooNew, result.Failure);
        Assert.Contains("301 seconds in the future", result.Message);
        Assert.Contains("clock", result.Message);
    }

    [Fact]
    public void Clock_moving_past_the_tolerance_turns_a_pass_into_a_failure()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(SignedAt));
        var verifier = new WebhookVerifier(Secret, clock);
        Assert.True(verifier.Verify(BodyBytes, Id, SignedAt.ToString(), Signature).IsValid);

        clock.Advance(TimeSpan.FromSeconds(301));

        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, verifier.Verify(BodyBytes, Id, SignedAt.ToString(), Signature).Failure);
    }

    [Fact]
    public void Custom_tolerance_is_honoured_in_whole_seconds()
    {
        var verifier = new WebhookVerifier(Secret, Clock(61)) { Tolerance = TimeSpan.FromSeconds(60) };

        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, verifier.Verify(BodyBytes, Id, SignedAt.ToString(), Signature).Failure);
    }

    [Fact]
    public void Negative_tolerance_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookVerifier(Secret) { Tolerance = TimeSpan.FromSeconds(-1) });

    [Fact]
    public void Null_secret_is_rejected() => Assert.Throws<ArgumentNullException>(() => new WebhookVerifier(null!));

    private static WebhookVerifier Verifier(int secondsAfterSigning = 0) => new(Secret, Clock(secondsAfterSigning));

    private static FakeTimeProvider Clock(int secondsAfterSigning) =>
        new(DateTimeOffset.FromUnixTimeSeconds(SignedAt + secondsAfterSigning));
}
