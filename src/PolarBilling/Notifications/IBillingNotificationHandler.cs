namespace PolarBilling.Notifications;

/// <summary>
/// Receives the app's billing notifications. Register any number in DI. Each notification is handed to the handlers
/// by one dispatcher at a time and marked delivered after all of them return; a crash before that mark hands it over
/// again, so a handler with effects outside the billing database should dedupe on <see cref="BillingNotification.Key"/>.
/// </summary>
public interface IBillingNotificationHandler
{
    /// <summary>Handles one notification. Throwing schedules a retry with backoff.</summary>
    /// <param name="notification">The notification; do not modify it.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    Task HandleAsync(BillingNotification notification, CancellationToken cancellationToken);
}
