using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolarBilling.Inbox;
using PolarBilling.Notifications;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>The background loop: project pending webhooks, deliver pending notifications, sleep until woken or polled.</summary>
internal sealed partial class BillingDispatchWorker(
    IWebhookDispatcher webhooks, INotificationDispatcher notifications, DispatchSignal signal, IOptions<WebhookDispatcherOptions> options,
    ILogger<BillingDispatchWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await webhooks.DispatchPendingAsync(stoppingToken).ConfigureAwait(false) > 0)
                {
                }

                while (await notifications.DeliverPendingAsync(stoppingToken).ConfigureAwait(false) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unreachable: nothing is lost, the rows wait in their tables.
                LogLoopFailed(logger, ex.Message);
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(20, LogLevel.Warning, "Billing dispatch failed: {Error}; trying again after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, string error);
}
