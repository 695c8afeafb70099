using PolarBilling.AspNetCore.Usage;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Places the usage middleware explicitly.</summary>
public static class UsageApplicationBuilderExtensions
{
    /// <summary>
    /// Places the usage middleware here instead of first in the pipeline, where <c>AddPolarBilling()</c> puts it by
    /// default (calls are never counted twice). It records after the rest of the pipeline ran, for endpoints marked
    /// <c>.TrackUsage(…)</c>, signed-in users and statuses below 400.
    /// </summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static IApplicationBuilder UsePolarBillingUsage(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Properties.ContainsKey(UsageTrackingStartupFilter.PlacedByAppKey))
        {
            return app;
        }

        app.Properties[UsageTrackingStartupFilter.PlacedByAppKey] = true;
        return app.Use(inner => UsageTrackingStartupFilter.Create(app.ApplicationServices, inner));
    }
}
