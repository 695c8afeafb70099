namespace PolarBilling.Client.Webhooks;

/// <summary><c>member.deleted</c>: Sent when a member is deleted.</summary>
public sealed class MemberDeletedWebhookEvent : PolarWebhookEvent<Member>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Member the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public MemberDeletedWebhookEvent(Member data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.MemberDeleted, data, timestamp)
    {
    }

    internal MemberDeletedWebhookEvent(Member data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
