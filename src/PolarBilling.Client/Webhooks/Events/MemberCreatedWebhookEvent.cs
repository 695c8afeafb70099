namespace PolarBilling.Client.Webhooks;

/// <summary><c>member.created</c>: Sent when a new member is created.</summary>
public sealed class MemberCreatedWebhookEvent : PolarWebhookEvent<Member>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Member the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public MemberCreatedWebhookEvent(Member data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.MemberCreated, data, timestamp)
    {
    }

    internal MemberCreatedWebhookEvent(Member data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
