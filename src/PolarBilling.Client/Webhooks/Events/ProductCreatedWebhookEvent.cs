namespace PolarBilling.Client.Webhooks;

/// <summary><c>product.created</c>: Sent when a new product is created.</summary>
public sealed class ProductCreatedWebhookEvent : PolarWebhookEvent<Product>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Product the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public ProductCreatedWebhookEvent(Product data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.ProductCreated, data, timestamp)
    {
    }

    internal ProductCreatedWebhookEvent(Product data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
