namespace PolarBilling.Client.Webhooks;

/// <summary><c>order.created</c>: Sent when a new order is created.</summary>
public sealed class OrderCreatedWebhookEvent : PolarWebhookEvent<Order>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Order the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public OrderCreatedWebhookEvent(Order data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.OrderCreated, data, timestamp)
    {
    }

    internal OrderCreatedWebhookEvent(Order data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
