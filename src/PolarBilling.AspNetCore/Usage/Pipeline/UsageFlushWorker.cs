using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolarBilling.Usage;
using PolarBilling.Usage.Flushing;

namespace PolarBilling.AspNetCore.Usage.Pipeline;

/// <summary>
/// Flushes recorded usage every <see cref="PolarBilling.Usage.UsageOptions.FlushInterval"/>, and once more when the app
/// stops. Idle in an app without a billing store (the flusher is resolved only when a store is registered).
/// </summary>
internal sealed partial class UsageFlushWorker(
    IServiceProvider services, IOptions<PolarBillingOptions> options, TimeProvider time, ILogger<UsageFlushWorker> logger) : BackgroundService
{
    private readonly UsageFlusher? _flusher = services.GetService<IUsageWindowStore>() is null ? null : services.GetRequiredService<UsageFlusher>();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_flusher is not { } flusher)
        {
            return;
        }

        try
        {
            // A graceful stop writes what is still in memory; only a crash loses the last interval's usage.
            await flusher.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogFinalFlushFailed(exception);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_flusher is not { } flusher)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.Usage.FlushInterval, time, stoppingToken).ConfigureAwait(false);
                await flusher.FlushAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // The flusher logged it and kept the units in memory; the next interval tries again.
            }
        }
    }

    [LoggerMessage(EventId = 7331, Level = LogLevel.Error, Message = "The final usage flush at shutdown failed; usage recorded since the last flush is lost.")]
    private partial void LogFinalFlushFailed(Exception exception);
}
