namespace PolarBilling.Client.Webhooks;

/// <summary><c>customer.state_changed</c>: Sent when a customer state has changed.</summary>
public sealed class CustomerStateChangedWebhookEvent : PolarWebhookEvent<CustomerState>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The CustomerState the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public CustomerStateChangedWebhookEvent(CustomerState data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.CustomerStateChanged, data, timestamp)
    {
    }

    internal CustomerStateChangedWebhookEvent(CustomerState data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
