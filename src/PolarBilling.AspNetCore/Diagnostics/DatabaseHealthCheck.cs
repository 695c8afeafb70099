using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolarBilling.Diagnostics;

namespace PolarBilling.AspNetCore.Diagnostics;

/// <summary><c>polar-billing-database</c>: the store opens and answers a query on the billing tables.</summary>
internal sealed class DatabaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IBillingStoreHealth>() is not { } store)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, HealthCheckMessages.NoStore);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await store.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The billing store answered.", Elapsed(started));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"The billing store could not be queried ({ex.GetType().Name}: {ex.Message}). Check the connection string and that the billing migrations are applied.",
                data: Elapsed(started));
        }
    }

    private static Dictionary<string, object> Elapsed(long started) =>
        new(StringComparer.Ordinal) { ["duration_ms"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1) };
}
