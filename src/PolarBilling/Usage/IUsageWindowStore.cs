namespace PolarBilling.Usage;

/// <summary>
/// The writes of the usage pipeline on <c>billing_usage_windows</c> (implemented by the EF Core store beside
/// <see cref="IUsageStore"/>): the flusher adds usage to open windows, the sync worker seals them, sends them and marks
/// them synced.
/// </summary>
public interface IUsageWindowStore
{
    /// <summary>
    /// Adds every increment in one transaction: to the window's open row, or, when the window's last row is already
    /// sealed or synced, to a new row with the next <see cref="UsageWindow.Part"/> (a sent quantity never changes).
    /// </summary>
    /// <param name="increments">The increments; a window may appear once.</param>
    /// <param name="now">The time of the write.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is written then).</param>
    /// <returns>A task that completes when the transaction committed.</returns>
    Task AddUsageAsync(IReadOnlyList<UsageIncrement> increments, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Seals open windows that ended by <paramref name="windowsEndingBy"/> or whose period ends by <paramref name="periodsEndingBy"/>.</summary>
    /// <param name="windowsEndingBy">Windows with <c>WindowEnd</c> at or before this are sealed (usually now).</param>
    /// <param name="periodsEndingBy">Windows of periods with <c>PeriodEnd</c> at or before this are sealed (now plus the period-end lead).</param>
    /// <param name="now">The time of the write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many windows were sealed.</returns>
    Task<int> SealDueAsync(DateTimeOffset windowsEndingBy, DateTimeOffset periodsEndingBy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sealed windows with an id above <paramref name="afterId"/>, lowest id first.</summary>
    /// <param name="afterId">The last id already handled in this run (0 to start).</param>
    /// <param name="limit">Most rows.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The windows.</returns>
    Task<IReadOnlyList<UsageWindow>> ListSealedAsync(long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Marks windows synced (Polar acknowledged their events) and clears their last error.</summary>
    /// <param name="ids">Window ids.</param>
    /// <param name="now">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write committed.</returns>
    Task MarkSyncedAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a failed send: one more attempt and the error (without secrets); the windows stay sealed.</summary>
    /// <param name="ids">Window ids.</param>
    /// <param name="error">What went wrong.</param>
    /// <param name="now">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write committed.</returns>
    Task RecordSyncFailureAsync(IReadOnlyCollection<long> ids, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The earliest <c>PeriodEnd</c> of an open window, to wake the sync worker at that period's sync point.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The time, or <see langword="null"/> when no window is open.</returns>
    Task<DateTimeOffset?> EarliestOpenPeriodEndAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes the sync lock so one sync runs at a time across app instances (PostgreSQL: a session advisory lock on a
    /// dedicated connection; SQLite, a single-process database: an in-process lock).
    /// </summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The lock, released on dispose; <see langword="null"/> when another sync holds it.</returns>
    Task<IAsyncDisposable?> TryAcquireSyncLockAsync(CancellationToken cancellationToken);
}
