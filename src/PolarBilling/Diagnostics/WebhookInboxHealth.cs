namespace PolarBilling.Diagnostics;

/// <summary>The webhook inbox's state as the health checks see it.</summary>
/// <param name="Pending">Events stored and not yet projected (including those waiting for a retry).</param>
/// <param name="Retrying">Pending events that already failed at least once.</param>
/// <param name="OldestPendingReceivedAt">When the oldest pending event was received; <see langword="null"/> when none is pending.</param>
/// <param name="DeadLettered">Events that failed every attempt or cannot be parsed, waiting for a replay.</param>
/// <param name="LatestDeadLetter">The most recently dead-lettered event; <see langword="null"/> when there is none.</param>
public sealed record WebhookInboxHealth(
    long Pending, long Retrying, DateTimeOffset? OldestPendingReceivedAt, long DeadLettered, DeadLetteredWebhook? LatestDeadLetter);
