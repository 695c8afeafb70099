using System.Text;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Client.Tests.Webhooks;

/// <summary><see cref="WebhookSigner"/> produces what <see cref="WebhookVerifier"/> and Polar's receivers accept.</summary>
public sealed class WebhookSignerTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"order.paid","timestamp":"2026-10-01T12:00:00.000000Z","data":{}}""");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1790000000);

    [Theory]
    [InlineData(WebhookKeyScheme.Legacy)]
    [InlineData(WebhookKeyScheme.Standard)]
    public void Signed_delivery_verifies_and_reports_the_scheme_it_was_signed_with(WebhookKeyScheme scheme)
    {
        var secret = WebhookSigner.GenerateSecret();
        var headers = new WebhookSigner(secret, scheme, new FakeTimeProvider(Now)).Sign("evt_1", Body);

        var result = new WebhookVerifier(secret, new FakeTimeProvider(Now)).Verify(Body, headers.ToHeaders());

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(scheme, result.MatchedKeyScheme);
    }

    [Fact]
    public void Sign_without_a_timestamp_uses_the_signers_clock()
    {
        var headers = new WebhookSigner(WebhookSigner.GenerateSecret(), WebhookKeyScheme.Standard, new FakeTimeProvider(Now)).Sign("evt_1", Body);

        Assert.Equal("1790000000", headers.Timestamp);
        Assert.Equal("evt_1", headers.Id);
        Assert.StartsWith("v1,", headers.Signature);
    }

    [Fact]
    public void Headers_are_the_three_standard_webhooks_headers()
    {
        var headers = new WebhookSigner("whsec_abc", WebhookKeyScheme.Legacy).Sign("evt_1", 1, Body).ToHeaders();

        Assert.Equal([WebhookHeaderNames.Id, WebhookHeaderNames.Timestamp, WebhookHeaderNames.Signature], headers.Select(h => h.Key));
    }

    [Fact]
    public void The_two_schemes_give_different_signatures_for_the_same_secret()
    {
        var secret = WebhookSigner.GenerateSecret();

        Assert.NotEqual(
            new WebhookSigner(secret, WebhookKeyScheme.Legacy).Sign("evt_1", 1, Body).Signature,
            new WebhookSigner(secret, WebhookKeyScheme.Standard).Sign("evt_1", 1, Body).Signature);
    }

    [Fact]
    public void Generated_secret_looks_like_polars_whsec_followed_by_43_unpadded_base64_characters_of_32_bytes()
    {
        var secret = WebhookSigner.GenerateSecret();

        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}$", secret);
        Assert.True(WebhookSecret.TryGetStandardKey(secret, out var key));
        Assert.Equal(32, key.Length);
        Assert.NotEqual(secret, WebhookSigner.GenerateSecret());
    }

    [Fact]
    public void Negative_timestamp_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookSigner("whsec_abc", WebhookKeyScheme.Legacy).Sign("evt_1", -1, Body));

    [Fact]
    public void Empty_webhook_id_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new WebhookSigner("whsec_abc", WebhookKeyScheme.Legacy).Sign("", 1, Body));

    [Fact]
    public void Standard_scheme_needs_a_base64_secret()
    {
        var exception = Assert.Throws<ArgumentException>(() => new WebhookSigner("whsec_not*base64!", WebhookKeyScheme.Standard));

        Assert.Contains("Legacy", exception.Message);
        Assert.DoesNotContain("not*base64", exception.Message);
    }
}
