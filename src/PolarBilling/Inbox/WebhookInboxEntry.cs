namespace PolarBilling.Inbox;

/// <summary>A verified webhook as received (table <c>billing_webhook_events</c>): the inbox the dispatcher works from.</summary>
public sealed class WebhookInboxEntry
{
    /// <summary>Arrival order (primary key, generated).</summary>
    public long Sequence { get; set; }

    /// <summary>The <c>webhook-id</c> header: unique, so a redelivery is a no-op.</summary>
    public string WebhookId { get; set; } = string.Empty;

    /// <summary>The envelope <c>type</c>, or <c>unknown</c> when the body has none.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>The raw body exactly as verified (UTF-8 JSON).</summary>
    public string Payload { get; set; } = string.Empty;

    /// <summary>Processing state.</summary>
    public WebhookEventStatus Status { get; set; }

    /// <summary>Failed projection attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The last failure, if any.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was stored.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Not processed before this time (backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When it was processed, ignored or dead-lettered.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }
}
