namespace PolarBilling.Emulator.Webhooks;

/// <summary>One HTTP attempt to deliver an event (Polar's <c>WebhookDelivery</c> row), as the delivery log shows it.</summary>
/// <param name="Id">The delivery's own id.</param>
/// <param name="EventId">The event it sent (the <c>webhook-id</c>).</param>
/// <param name="EndpointId">The endpoint it went to.</param>
/// <param name="Sequence">Recording order; breaks ties between deliveries at the same (frozen) emulator time.</param>
/// <param name="CreatedAt">Emulator (billing) time of the attempt, as the API shows it.</param>
/// <param name="Succeeded">Whether the endpoint answered 2xx in time.</param>
/// <param name="HttpCode">The status answered; <see langword="null"/> when the endpoint was unreachable or timed out.</param>
/// <param name="Response">The answer's body (first 2048 characters), or the error when there was no answer.</param>
internal sealed record WebhookDeliveryRecord(
    string Id,
    string EventId,
    string EndpointId,
    long Sequence,
    DateTimeOffset CreatedAt,
    bool Succeeded,
    long? HttpCode,
    string? Response);
