namespace PolarBilling.Client.Webhooks;

/// <summary>A webhook event whose <c>data</c> is a <typeparamref name="TData"/>; match on it to handle, say, every subscription event alike.</summary>
/// <typeparam name="TData">The Polar model in <c>data</c>, such as <see cref="Subscription"/>.</typeparam>
public abstract class PolarWebhookEvent<TData> : PolarWebhookEvent
    where TData : class
{
    private protected PolarWebhookEvent(TData data, WebhookEnvelope envelope)
        : base(envelope)
    {
        Data = data;
    }

    private protected PolarWebhookEvent(string type, TData data, DateTimeOffset timestamp)
        : this(data, WebhookEnvelope.Create(type, timestamp, data))
    {
    }

    /// <summary>The object the event is about, as Polar sent it.</summary>
    public TData Data { get; }
}
