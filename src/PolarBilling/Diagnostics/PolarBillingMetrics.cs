using System.Diagnostics.Metrics;

namespace PolarBilling.Diagnostics;

/// <summary>
/// PolarBilling's instruments, on the meter named <see cref="MeterName"/> (collect it with OpenTelemetry's
/// <c>AddMeter("PolarBilling")</c> or <c>dotnet-counters monitor --counters PolarBilling</c>). One instance per app,
/// created through <see cref="IMeterFactory"/>.
/// </summary>
public sealed class PolarBillingMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "PolarBilling";

    private readonly Counter<long> _checkouts;
    private readonly Counter<long> _webhooksReceived;
    private readonly Counter<long> _webhooksApplied;
    private readonly Counter<long> _webhooksFailed;
    private readonly Counter<long> _entitlementDenials;
    private readonly Counter<long> _usageFlushed;
    private readonly Counter<long> _usageSynced;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public PolarBillingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _checkouts = meter.CreateCounter<long>("polar_billing.checkouts.created", "{checkout}", "Checkout sessions created, by plan.");
        _webhooksReceived = meter.CreateCounter<long>("polar_billing.webhooks.received", "{event}", "Webhook deliveries received, by outcome (stored, duplicate, invalid_signature, too_large).");
        _webhooksApplied = meter.CreateCounter<long>("polar_billing.webhooks.applied", "{event}", "Webhook events projected, by event type.");
        _webhooksFailed = meter.CreateCounter<long>("polar_billing.webhooks.failed", "{event}", "Webhook event projection failures, by event type and whether dead-lettered.");
        _entitlementDenials = meter.CreateCounter<long>("polar_billing.entitlements.denied", "{request}", "Requests denied by entitlement gating, by requirement kind.");
        _usageFlushed = meter.CreateCounter<long>("polar_billing.usage.flushed", "{unit}", "Recorded usage units written to usage windows, by meter.");
        _usageSynced = meter.CreateCounter<long>("polar_billing.usage.synced", "{unit}", "Usage units Polar acknowledged (usage windows sent through events ingest), by meter.");
    }

    /// <summary>A checkout was created for <paramref name="plan"/>.</summary>
    public void CheckoutCreated(string plan) => _checkouts.Add(1, new KeyValuePair<string, object?>("plan", plan));

    /// <summary>A webhook delivery was received with <paramref name="outcome"/>.</summary>
    public void WebhookReceived(string outcome) => _webhooksReceived.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>An event of <paramref name="type"/> was projected.</summary>
    public void WebhookApplied(string type) => _webhooksApplied.Add(1, new KeyValuePair<string, object?>("type", type));

    /// <summary>Projecting an event of <paramref name="type"/> failed.</summary>
    public void WebhookFailed(string type, bool deadLettered) =>
        _webhooksFailed.Add(1, new KeyValuePair<string, object?>("type", type), new KeyValuePair<string, object?>("dead_lettered", deadLettered));

    /// <summary>A request was denied for lack of <paramref name="requirement"/> (<c>subscription</c>, <c>feature</c>, <c>limit</c>).</summary>
    public void EntitlementDenied(string requirement) => _entitlementDenials.Add(1, new KeyValuePair<string, object?>("requirement", requirement));

    /// <summary><paramref name="units"/> of <paramref name="meter"/> were written from memory to usage windows.</summary>
    public void UsageFlushed(string meter, long units) => _usageFlushed.Add(units, new KeyValuePair<string, object?>("meter", meter));

    /// <summary>Polar acknowledged <paramref name="units"/> of <paramref name="meter"/>.</summary>
    public void UsageSynced(string meter, long units) => _usageSynced.Add(units, new KeyValuePair<string, object?>("meter", meter));
}
