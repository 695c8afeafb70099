using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PolarBilling.Entitlements;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// On PostgreSQL, keeps one dedicated connection listening on <see cref="BillingChangePayload.Channel"/> and hands each
/// notification (another instance's committed change) to this instance's <see cref="IBillingChangeNotifier"/>. After
/// every (re)connect it tells listeners that changes may have been missed. Does nothing on other providers or when no
/// <see cref="IBillingChangeListener"/> is registered.
/// </summary>
internal sealed partial class BillingChangeListener<TContext>(
    IDbContextFactory<TContext> factory, IBillingChangeNotifier notifier, IEnumerable<IBillingChangeListener> listeners, ILogger<BillingChangeListener<TContext>> logger)
    : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Set once LISTEN is in place (for tests and health).</summary>
    public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!listeners.Any())
        {
            return;
        }

        NpgsqlConnection template;
        await using (var context = await factory.CreateDbContextAsync(stoppingToken).ConfigureAwait(false))
        {
            if (!context.Database.IsNpgsql())
            {
                return;
            }

            // A clone keeps the password (and data source) that ConnectionString may no longer show.
            template = (NpgsqlConnection)((ICloneable)context.Database.GetDbConnection()).Clone();
        }

        await using (template.ConfigureAwait(false))
        {
            await ListenAsync(template, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task ListenAsync(NpgsqlConnection template, CancellationToken ct)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var connection = (NpgsqlConnection)((ICloneable)template).Clone();
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += (_, e) => OnNotification(e.Payload);
                    await connection.OpenAsync(ct).ConfigureAwait(false);
                    await using (var listen = new NpgsqlCommand($"LISTEN {BillingChangePayload.Channel}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }

                    // Anything committed while nobody listened is unknown: start from an empty cache.
                    notifier.ChangesMissed();
                    backoff = TimeSpan.FromSeconds(1);
                    LogListening(logger, BillingChangePayload.Channel);
                    Listening.TrySetResult();
                    while (true)
                    {
                        await connection.WaitAsync(ct).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                notifier.ChangesMissed();
                LogConnectionLost(logger, backoff.TotalSeconds, ex.Message);
                try
                {
                    await Task.Delay(backoff, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
            }
        }
    }

    private void OnNotification(string payload)
    {
        var (customers, users) = BillingChangePayload.Decode(payload, out var everything);
        if (everything)
        {
            notifier.ChangesMissed();
        }

        notifier.CustomersChanged(customers, users);
    }

    [LoggerMessage(1, LogLevel.Debug, "Listening for billing changes on PostgreSQL channel {Channel}")]
    private static partial void LogListening(ILogger logger, string channel);

    [LoggerMessage(2, LogLevel.Warning, "Billing change feed lost its PostgreSQL connection ({Error}); entitlement caches cleared, reconnecting in {Seconds} s")]
    private static partial void LogConnectionLost(ILogger logger, double seconds, string error);
}
