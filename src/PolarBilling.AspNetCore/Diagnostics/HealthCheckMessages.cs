namespace PolarBilling.AspNetCore.Diagnostics;

internal static class HealthCheckMessages
{
    public const string NoStore = "No billing store is registered: call UseSqlite(...), UsePostgreSql(...) or UseEntityFrameworkCore<TContext>() on AddPolarBilling().";

    public const string ReplayHint = "Fix the cause (see the latest error), then replay each with IWebhookDispatcher.ReplayAsync(webhookId), "
        + "or repair the state from Polar with BillingReconciler.";
}
