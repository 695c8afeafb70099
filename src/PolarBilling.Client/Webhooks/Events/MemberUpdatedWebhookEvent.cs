namespace PolarBilling.Client.Webhooks;

/// <summary><c>member.updated</c>: Sent when a member is updated.</summary>
public sealed class MemberUpdatedWebhookEvent : PolarWebhookEvent<Member>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Member the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public MemberUpdatedWebhookEvent(Member data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.MemberUpdated, data, timestamp)
    {
    }

    internal MemberUpdatedWebhookEvent(Member data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
