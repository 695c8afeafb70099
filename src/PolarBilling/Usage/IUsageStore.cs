using PolarBilling.Notifications;

namespace PolarBilling.Usage;

/// <summary>The durable side of usage billing: usage windows and fired alerts (implemented by the EF Core store).</summary>
public interface IUsageStore
{
    /// <summary>Units per meter that count toward the billing period starting at <paramref name="periodStart"/> (every part and status).</summary>
    /// <param name="userId">The app's user id.</param>
    /// <param name="periodStart">The period's start, as stored in <see cref="UsageWindow.PeriodStart"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Meter key to units; meters without usage are absent.</returns>
    Task<IReadOnlyDictionary<string, long>> SumByMeterAsync(string userId, DateTimeOffset periodStart, CancellationToken cancellationToken);

    /// <summary>The user's windows with <c>from &lt;= WindowStart &lt; to</c>, oldest first, optionally of one meter.</summary>
    /// <param name="userId">The app's user id.</param>
    /// <param name="meter">One meter, or <see langword="null"/> for all.</param>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The windows.</returns>
    Task<IReadOnlyList<UsageWindow>> ListWindowsAsync(string userId, string? meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The alerts already fired for the user in the period starting at <paramref name="periodStart"/>.</summary>
    /// <param name="userId">The app's user id.</param>
    /// <param name="periodStart">The period's start.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The alerts.</returns>
    Task<IReadOnlyList<UsageAlert>> ListAlertsAsync(string userId, DateTimeOffset periodStart, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="alert"/> fired and, in the same transaction, queues <paramref name="notification"/>
    /// in the outbox. Does nothing when that threshold already fired for the meter and period.
    /// </summary>
    /// <param name="alert">The alert.</param>
    /// <param name="notification">Its app notification (kind <see cref="BillingNotificationKind.UsageThresholdReached"/>).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when it was recorded now; false when it had fired before.</returns>
    Task<bool> TryRecordAlertAsync(UsageAlert alert, BillingNotification notification, CancellationToken cancellationToken);
}
