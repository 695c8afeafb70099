using PolarBilling.AspNetCore.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds PolarBilling's checks to ASP.NET Core health checks.</summary>
public static class PolarBillingHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds <c>polar-billing-database</c>, <c>polar-billing-polar</c>, <c>polar-billing-webhook-inbox</c> and
    /// <c>polar-billing-dead-letters</c>, each tagged <c>polar-billing</c> plus <paramref name="tags"/>. Thresholds come
    /// from <c>Polar:HealthChecks</c> (<see cref="PolarBillingHealthCheckOptions"/>). Safe to call twice (the second call
    /// adds nothing). Map them with <c>app.MapHealthChecks("/health")</c>.
    /// </summary>
    /// <param name="builder">The health checks builder from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="tags">More tags, e.g. <c>ready</c> for a readiness probe.</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddPolarBilling(this IHealthChecksBuilder builder, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(tags);
        return builder.AddPolarBillingChecks(tags);
    }
}
