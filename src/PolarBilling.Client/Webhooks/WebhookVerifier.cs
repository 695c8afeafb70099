using System.Text;

namespace PolarBilling.Client.Webhooks;

/// <summary>
/// Verifies Polar webhook deliveries (Standard Webhooks): HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{raw body}</c>,
/// tried with both of Polar's key schemes (<see cref="WebhookKeyScheme"/>), and a timestamp tolerance read from an
/// injected <see cref="TimeProvider"/>. Thread-safe; create one per secret and reuse it.
/// </summary>
/// <remarks>Always verify the raw request bytes: parsing and re-serializing the JSON changes them.</remarks>
public sealed partial class WebhookVerifier
{
    private readonly byte[]? _legacyKey;
    private readonly byte[]? _standardKey;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a verifier for one webhook endpoint's secret.</summary>
    /// <param name="secret">
    /// The endpoint's secret as Polar shows it (<c>whsec_…</c>); a bare base64 secret works too. An empty secret
    /// does not throw here: every verification then fails with <see cref="WebhookVerificationFailure.EmptySecret"/>.
    /// </param>
    /// <param name="timeProvider">The clock for the tolerance check; defaults to <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is <see langword="null"/>.</exception>
    public WebhookVerifier(string secret, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _timeProvider = timeProvider ?? TimeProvider.System;
        if (WebhookSecret.IsEmpty(secret))
        {
            return;
        }

        _legacyKey = WebhookSecret.LegacyKey(secret);
        _standardKey = WebhookSecret.TryGetStandardKey(secret, out var key) ? key : null;
    }

    /// <summary>Polar's tolerance: 300 seconds (5 minutes) either way.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// How far <c>webhook-timestamp</c> may be from now, either way, in whole seconds; exactly this much still
    /// passes. Default <see cref="DefaultTolerance"/>. <see cref="Timeout.InfiniteTimeSpan"/> turns the check off
    /// (only for replaying stored deliveries, never for live traffic).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative (other than <see cref="Timeout.InfiniteTimeSpan"/>).</exception>
    public TimeSpan Tolerance
    {
        get;
        init
        {
            if (value != Timeout.InfiniteTimeSpan)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            }

            field = value;
        }
    } = DefaultTolerance;

    /// <summary>Verifies a delivery from its raw body and its three header values.</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header.</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header.</param>
    /// <returns>The outcome; never throws for bad input.</returns>
    public WebhookVerificationResult Verify(
        ReadOnlySpan<byte> body,
        string? webhookId,
        string? webhookTimestamp,
        string? webhookSignature)
    {
        if (_legacyKey is null)
        {
            return WebhookVerificationResult.Invalid(WebhookVerificationFailure.EmptySecret, WebhookVerificationMessages.EmptySecret());
        }

        var missing = new List<string>(3);
        AddIfMissing(missing, WebhookHeaderNames.Id, webhookId);
        AddIfMissing(missing, WebhookHeaderNames.Timestamp, webhookTimestamp);
        AddIfMissing(missing, WebhookHeaderNames.Signature, webhookSignature);
        if (missing.Count > 0)
        {
            return WebhookVerificationResult.Invalid(
                WebhookVerificationFailure.MissingHeader, WebhookVerificationMessages.MissingHeaders(missing), webhookId);
        }

        if (!TryParseTimestamp(webhookTimestamp!, out var timestamp, out var signedAt))
        {
            return WebhookVerificationResult.Invalid(
                WebhookVerificationFailure.MalformedTimestamp,
                WebhookVerificationMessages.MalformedTimestamp(webhookTimestamp!),
                webhookId);
        }

        if (CheckTolerance(webhookId!, timestamp, signedAt) is { } stale)
        {
            return stale;
        }

        Span<byte> legacy = stackalloc byte[WebhookSignatureComputation.Length];
        Span<byte> standard = stackalloc byte[_standardKey is null ? 0 : WebhookSignatureComputation.Length];
        WebhookSignatureComputation.Compute(_legacyKey, webhookId!, timestamp, body, legacy);
        if (_standardKey is not null)
        {
            WebhookSignatureComputation.Compute(_standardKey, webhookId!, timestamp, body, standard);
        }

        var match = WebhookSignatureMatcher.FindMatch(webhookSignature!, legacy, standard, out var entries);
        return match is { } scheme
            ? WebhookVerificationResult.Valid(scheme, webhookId!, signedAt)
            : WebhookVerificationResult.Invalid(
                WebhookVerificationFailure.NoMatchingSignature,
                WebhookVerificationMessages.NoMatchingSignature(entries, _standardKey is not null),
                webhookId,
                signedAt);
    }

    /// <summary>Verifies a delivery whose body is text; the signed bytes are its UTF-8 encoding.</summary>
    /// <inheritdoc cref="Verify(ReadOnlySpan{byte}, string?, string?, string?)"/>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    public WebhookVerificationResult Verify(string body, string? webhookId, string? webhookTimestamp, string? webhookSignature)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(Encoding.UTF8.GetBytes(body), webhookId, webhookTimestamp, webhookSignature);
    }

    private static void AddIfMissing(List<string> missing, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add(name);
        }
    }
}
