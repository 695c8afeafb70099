namespace PolarBilling.Diagnostics;

/// <summary>A dead-lettered inbox event, named so it can be replayed (<c>IWebhookDispatcher.ReplayAsync(webhookId)</c>).</summary>
/// <param name="WebhookId">The delivery's <c>webhook-id</c>.</param>
/// <param name="Type">The event type, e.g. <c>subscription.updated</c>.</param>
/// <param name="Attempts">Failed attempts.</param>
/// <param name="LastError">Why the last attempt failed (an exception type and message; never a secret).</param>
/// <param name="DeadLetteredAt">When it was dead-lettered.</param>
public sealed record DeadLetteredWebhook(string WebhookId, string Type, int Attempts, string? LastError, DateTimeOffset? DeadLetteredAt);
