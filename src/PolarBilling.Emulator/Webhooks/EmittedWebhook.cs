using System.Text;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>One webhook event as emitted: its place in the emulator's history, type, envelope timestamp and exact JSON.</summary>
/// <param name="Sequence">1 for the first event after a reset, then 2, 3, …</param>
/// <param name="Type">The event type, e.g. <c>subscription.updated</c>.</param>
/// <param name="Timestamp">The envelope's <c>timestamp</c>.</param>
/// <param name="Utf8Payload">The compact JSON envelope, the exact bytes every endpoint receives (kept as UTF-8: a year of renewals emits hundreds of megabytes of them).</param>
internal sealed record EmittedWebhook(long Sequence, string Type, DateTimeOffset Timestamp, ReadOnlyMemory<byte> Utf8Payload)
{
    /// <summary>The payload as text, decoded on each call (views and tests, not the delivery path).</summary>
    public string Payload => Encoding.UTF8.GetString(Utf8Payload.Span);
}
