using PolarBilling.Store;

namespace PolarBilling.Projection;

/// <summary>One event's projection: where it came from and where it goes.</summary>
/// <param name="EventId">The <c>webhook-id</c>, or <see cref="BillingProjector.ReconciliationEventId"/>.</param>
/// <param name="EventType">The event type; <see langword="null"/> for API data (reconciliation), which records no event-type notifications.</param>
/// <param name="Envelope">The envelope timestamp, when the data came in a webhook.</param>
/// <param name="Store">The unit of work.</param>
/// <param name="Now">The app's time, for <see cref="BillingRow.UpdatedAt"/>.</param>
/// <param name="CancellationToken">Cancels the store calls.</param>
internal sealed record ProjectionScope(
    string EventId, string? EventType, DateTimeOffset? Envelope, IBillingProjectionStore Store, DateTimeOffset Now, CancellationToken CancellationToken)
{
    public PolarVersion VersionOf(DateTimeOffset? modifiedAt, DateTimeOffset createdAt) => PolarVersion.Of(modifiedAt, createdAt, Envelope);

    public bool Is(string type) => string.Equals(EventType, type, StringComparison.Ordinal);
}
