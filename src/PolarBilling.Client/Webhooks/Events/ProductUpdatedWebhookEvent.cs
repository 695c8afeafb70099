namespace PolarBilling.Client.Webhooks;

/// <summary><c>product.updated</c>: Sent when a product is updated.</summary>
public sealed class ProductUpdatedWebhookEvent : PolarWebhookEvent<Product>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Product the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public ProductUpdatedWebhookEvent(Product data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.ProductUpdated, data, timestamp)
    {
    }

    internal ProductUpdatedWebhookEvent(Product data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
