using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>Everything one delivery attempt needs, copied out of the state under the lock so sending needs no lock.</summary>
/// <param name="Generation">The outbox generation; a reset or import in the meantime discards the outcome.</param>
/// <param name="EventId">The <c>webhook-id</c>.</param>
/// <param name="Url">Where to POST.</param>
/// <param name="Secret">The endpoint's secret at the time of the attempt.</param>
/// <param name="KeyScheme">How the secret becomes the HMAC key.</param>
/// <param name="Payload">The stored payload: the exact UTF-8 body, signed and sent as it is.</param>
/// <param name="ApiVersion">The API version the payload is shaped for (<c>webhook-api-version</c>).</param>
/// <param name="Cancellation">Fires when the outbox is reset or replaced: the attempt is abandoned.</param>
internal sealed record WebhookAttempt(
    long Generation,
    string EventId,
    string Url,
    string Secret,
    WebhookKeyScheme KeyScheme,
    ReadOnlyMemory<byte> Payload,
    string ApiVersion,
    CancellationToken Cancellation);
