namespace PolarBilling.Inbox;

/// <summary>Projects pending inbox events; the background worker calls it, and tests or tools may too.</summary>
public interface IWebhookDispatcher
{
    /// <summary>Claims one batch of due pending events and settles each (projected, ignored, retried later or dead-lettered).</summary>
    /// <returns>How many events were claimed; 0 when nothing is due.</returns>
    Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Puts a dead-lettered (or any) event back to pending with no attempts, to be projected again.</summary>
    /// <returns>Whether an event with this <c>webhook-id</c> exists.</returns>
    Task<bool> ReplayAsync(string webhookId, CancellationToken cancellationToken = default);
}
