namespace PolarBilling.EntityFrameworkCore;

/// <summary>Limits of the webhook inbox.</summary>
public sealed class WebhookInboxOptions
{
    /// <summary>Largest body stored; larger ones get <see cref="PolarBilling.Inbox.InboxAppendResult.TooLarge"/>. Default 1 MiB (Polar's payloads are a few KiB).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most deliveries written by one group commit (one INSERT, one commit). Default 256.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// How many group commits may be in flight at once on PostgreSQL: while one batch waits for its commit to reach
    /// the disk, the next is already being inserted. Default 4. SQLite always uses one (it has a single writer).
    /// </summary>
    public int ConcurrentWriters { get; set; } = 4;
}
