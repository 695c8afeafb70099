namespace PolarBilling.Inbox;

/// <summary>Durably appends verified webhook deliveries, keyed by <c>webhook-id</c>.</summary>
public interface IWebhookInbox
{
    /// <summary>Stores a verified delivery; returns once it is committed (or known to be a duplicate).</summary>
    /// <param name="webhookId">The <c>webhook-id</c> header; must not be empty.</param>
    /// <param name="body">The raw body that passed verification.</param>
    /// <param name="cancellationToken">Stops waiting; the write may still complete.</param>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is empty or longer than 255 characters.</exception>
    Task<InboxAppendResult> AppendAsync(string webhookId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default);
}
