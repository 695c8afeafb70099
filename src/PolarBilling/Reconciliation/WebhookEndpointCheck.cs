namespace PolarBilling.Reconciliation;

/// <summary>The state of the app's webhook endpoint in Polar, and what the check did about it.</summary>
/// <param name="EndpointId">The endpoint's id, or <see langword="null"/> when no endpoint has the URL.</param>
/// <param name="WasEnabled">Whether Polar had it enabled before the check.</param>
/// <param name="Enabled">Whether it is enabled now (the check re-enables it when asked to).</param>
/// <param name="RedeliveredEventIds">The events whose failed deliveries were redelivered.</param>
public sealed record WebhookEndpointCheck(string? EndpointId, bool WasEnabled, bool Enabled, IReadOnlyList<string> RedeliveredEventIds);
