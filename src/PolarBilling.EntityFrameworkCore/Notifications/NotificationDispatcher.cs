using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolarBilling.Notifications;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// Delivers the outbox. Due notifications are locked (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL) for the whole
/// delivery, so two app instances never hand the same one to handlers at once; a notification is marked delivered
/// in the transaction that held the lock.
/// </summary>
internal sealed partial class NotificationDispatcher<TContext>(
    IDbContextFactory<TContext> factory, IServiceScopeFactory scopes, TimeProvider time, IOptions<WebhookDispatcherOptions> options,
    ILogger<NotificationDispatcher<TContext>> logger)
    : INotificationDispatcher
    where TContext : DbContext
{
    private readonly WebhookDispatcherOptions _options = options.Value;

    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var due = await InboxClaims.DueNotificationsAsync(context, time.GetUtcNow(), _options.BatchSize, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return 0;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var handlers = scope.ServiceProvider.GetServices<IBillingNotificationHandler>().ToArray();
            foreach (var notification in due)
            {
                await DeliverAsync(notification, handlers, cancellationToken).ConfigureAwait(false);
            }
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return due.Count;
    }

    private async Task DeliverAsync(BillingNotification notification, IBillingNotificationHandler[] handlers, CancellationToken ct)
    {
        try
        {
            foreach (var handler in handlers)
            {
                await handler.HandleAsync(notification, ct).ConfigureAwait(false);
            }

            notification.Status = BillingNotificationStatus.Delivered;
            notification.DeliveredAt = time.GetUtcNow();
            notification.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            notification.Attempts++;
            notification.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            if (notification.Attempts >= _options.MaxAttempts)
            {
                notification.Status = BillingNotificationStatus.DeadLettered;
                LogDeadLettered(logger, notification.Key, notification.Attempts, notification.LastError);
            }
            else
            {
                notification.NextAttemptAt = time.GetUtcNow() + _options.BackoffAfter(notification.Attempts);
                LogRetry(logger, notification.Key, notification.Attempts, notification.LastError);
            }
        }
    }

    [LoggerMessage(10, LogLevel.Warning, "Billing notification {Key} failed attempt {Attempts}: {Error}; retrying later")]
    private static partial void LogRetry(ILogger logger, string key, int attempts, string error);

    [LoggerMessage(11, LogLevel.Error, "Billing notification {Key} dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string key, int attempts, string error);
}
