namespace PolarBilling.Notifications;

/// <summary>Delivers pending outbox notifications to the registered <see cref="IBillingNotificationHandler"/>s.</summary>
public interface INotificationDispatcher
{
    /// <summary>Claims one batch of due notifications and hands each to every handler.</summary>
    /// <returns>How many notifications were claimed; 0 when nothing is due.</returns>
    Task<int> DeliverPendingAsync(CancellationToken cancellationToken = default);
}
