using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator;

/// <summary>A webhook endpoint of the emulator, with the secret to verify its deliveries.</summary>
/// <param name="Id">The endpoint's id (as in <c>/v1/webhooks/endpoints/{id}</c>).</param>
/// <param name="Url">Where deliveries go.</param>
/// <param name="Secret">The <c>whsec_…</c> secret deliveries are signed with.</param>
/// <param name="KeyScheme">How the secret becomes the HMAC key: <see cref="WebhookKeyScheme.Standard"/> (Polar's secrets since 2026-09-08) or <see cref="WebhookKeyScheme.Legacy"/>.</param>
public sealed record EmulatorWebhookEndpoint(string Id, string Url, string Secret, WebhookKeyScheme KeyScheme);
