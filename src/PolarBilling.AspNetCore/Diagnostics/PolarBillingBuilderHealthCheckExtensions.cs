using PolarBilling;
using PolarBilling.AspNetCore.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Health checks from the <c>AddPolarBilling()</c> builder.</summary>
public static class PolarBillingBuilderHealthCheckExtensions
{
    /// <summary>
    /// Registers ASP.NET Core health checks (if not yet) with PolarBilling's four checks, tagged <c>polar-billing</c>
    /// plus <paramref name="tags"/>; see <see cref="PolarBillingHealthChecks"/> for their names. Safe to call twice.
    /// </summary>
    /// <param name="builder">The builder from <c>AddPolarBilling()</c>.</param>
    /// <param name="configure">Optional thresholds in code, applied after <c>Polar:HealthChecks</c>.</param>
    /// <param name="tags">More tags, e.g. <c>ready</c>.</param>
    /// <returns>The same builder.</returns>
    public static PolarBillingBuilder AddHealthChecks(
        this PolarBillingBuilder builder, Action<PolarBillingHealthCheckOptions>? configure = null, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(tags);
        builder.Services.AddHealthChecks().AddPolarBillingChecks(tags);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder;
    }
}
