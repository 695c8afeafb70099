namespace PolarBilling.Usage;

/// <summary>Sends closed usage windows to Polar. The sync worker calls it on its schedule; call it yourself to sync now.</summary>
public interface IUsageSync
{
    /// <summary>
    /// Seals due windows (ended, or of a period at its sync point) and sends every sealed window to
    /// <c>POST /v1/events/ingest</c> in batches, marking each batch synced when Polar answered. Does nothing when
    /// another app instance is syncing (a sync of this process already running is waited for).
    /// </summary>
    /// <param name="cancellationToken">Cancels the run between batches.</param>
    /// <returns>What the run did.</returns>
    Task<UsageSyncResult> SyncNowAsync(CancellationToken cancellationToken = default);
}
