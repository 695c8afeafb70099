using Microsoft.Extensions.Options;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.AspNetCore.Webhooks;

/// <summary>
/// The receiver's verifier, built once from <see cref="PolarBillingOptions.WebhookSecret"/>. Freshness is checked
/// against the wall clock, not the app's <see cref="TimeProvider"/>: Polar signs with real time, and a test clock
/// moved forward must not make every delivery look stale.
/// </summary>
internal sealed class WebhookSignatureCheck(IOptions<PolarBillingOptions> options)
{
    private readonly WebhookVerifier _verifier = new(options.Value.WebhookSecret ?? string.Empty, TimeProvider.System);

    public WebhookVerificationResult Verify(ReadOnlySpan<byte> body, string? id, string? timestamp, string? signature) =>
        _verifier.Verify(body, id, timestamp, signature);
}
