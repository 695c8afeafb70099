using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolarBilling.Diagnostics;

namespace PolarBilling.AspNetCore.Diagnostics;

/// <summary>The inbox counts both inbox checks read, or the failed result when there is no store or it cannot be read.</summary>
internal static class InboxHealthRead
{
    public static async Task<(WebhookInboxHealth? Inbox, HealthCheckResult Failure)> ReadAsync(
        IServiceProvider services, HealthCheckContext context, CancellationToken cancellationToken)
    {
        if (services.GetService<IBillingStoreHealth>() is not { } store)
        {
            return (null, new HealthCheckResult(context.Registration.FailureStatus, HealthCheckMessages.NoStore));
        }

        try
        {
            return (await store.GetInboxHealthAsync(cancellationToken).ConfigureAwait(false), default);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, new HealthCheckResult(context.Registration.FailureStatus, $"The webhook inbox could not be read ({ex.GetType().Name}: {ex.Message})."));
        }
    }
}
