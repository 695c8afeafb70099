using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolarBilling.Usage;
using PolarBilling.Usage.Sync;

namespace PolarBilling.AspNetCore.Usage.Pipeline;

/// <summary>
/// Runs the usage sync every <see cref="UsageOptions.SyncInterval"/>, and when an open period reaches its sync point
/// (<see cref="UsageOptions.PeriodEndLead"/> before its end, plus a flush or two), so Polar receives a period's usage
/// before it bills it. After a failure it backs off exponentially (1 s doubling, at most the sync interval). Idle in an
/// app without a billing store.
/// </summary>
internal sealed partial class UsageSyncWorker(
    IServiceProvider services, IOptions<PolarBillingOptions> options, TimeProvider time, ILogger<UsageSyncWorker> logger)
    : BackgroundService
{
    private readonly IUsageWindowStore? _windows = services.GetService<IUsageWindowStore>();

    // How often the worker looks at the clock: short enough to hit a period's sync point, cheap (one indexed read).
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_windows is not { } windows)
        {
            return;
        }

        var sync = services.GetRequiredService<IUsageSync>();
        var usage = options.Value.Usage;
        var nextRun = time.GetUtcNow() + usage.SyncInterval;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(usage.SyncInterval < CheckInterval ? usage.SyncInterval : CheckInterval, time, stoppingToken).ConfigureAwait(false);
                var now = time.GetUtcNow();
                if (now < nextRun && (failures > 0 || !await PeriodSyncPointReachedAsync(windows, now, usage, stoppingToken).ConfigureAwait(false)))
                {
                    continue;
                }

                var result = await sync.SyncNowAsync(stoppingToken).ConfigureAwait(false);
                failures = result.TransientFailure ? failures + 1 : 0;
                nextRun = time.GetUtcNow() + (failures == 0 ? usage.SyncInterval : Backoff(failures, usage.SyncInterval));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                nextRun = time.GetUtcNow() + Backoff(failures, usage.SyncInterval);
                LogSyncFailed(exception, failures);
            }
        }
    }

    internal static TimeSpan Backoff(int failures, TimeSpan max)
    {
        var wait = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures - 1, 20)));
        return wait < max ? wait : max;
    }

    private static async Task<bool> PeriodSyncPointReachedAsync(IUsageWindowStore windows, DateTimeOffset now, UsageOptions usage, CancellationToken cancellationToken)
    {
        var periodEnd = await windows.EarliestOpenPeriodEndAsync(cancellationToken).ConfigureAwait(false);
        return periodEnd is { } end && now >= end - usage.PeriodEndLead + UsageSynchronizer.SettleTime(usage);
    }

    [LoggerMessage(EventId = 7332, Level = LogLevel.Warning, Message = "The usage sync failed ({Failures} in a row); trying again after a back-off.")]
    private partial void LogSyncFailed(Exception exception, int failures);
}
