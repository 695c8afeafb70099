using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PolarBilling.Diagnostics;

namespace PolarBilling.AspNetCore.Diagnostics;

/// <summary>What <c>AddPolarBilling()</c> registers for metrics and the (opt-in) health checks.</summary>
internal static class DiagnosticsServiceCollectionExtensions
{
    public static IServiceCollection AddBillingDiagnosticsServices(this IServiceCollection services)
    {
        // The host adds IMeterFactory too; AddMetrics only TryAdds, so calling it again is harmless.
        services.AddMetrics();
        services.TryAddSingleton<PolarBillingMetrics>();
        services.AddOptions<PolarBillingHealthCheckOptions>()
            .BindConfiguration(PolarBillingHealthCheckOptions.SectionName)
            .Validate(o => o.MaxPendingWebhooks >= 0, "Polar:HealthChecks:MaxPendingWebhooks is negative: use 0 or more.")
            .Validate(o => o.MaxPendingWebhookAge >= TimeSpan.Zero, "Polar:HealthChecks:MaxPendingWebhookAge is negative: use a duration such as '00:05:00'.")
            .Validate(o => o.PolarTimeout > TimeSpan.Zero, "Polar:HealthChecks:PolarTimeout must be positive, e.g. '00:00:05'.")
            .Validate(o => o.PolarProbeInterval >= TimeSpan.Zero, "Polar:HealthChecks:PolarProbeInterval is negative: use 0 to call Polar on every check.")
            .Validate(o => Enum.IsDefined(o.DeadLetterStatus), "Polar:HealthChecks:DeadLetterStatus must be Healthy, Degraded or Unhealthy.")
            .ValidateOnStart();
        services.TryAddSingleton<PolarApiHealthCheck>();
        return services;
    }

    /// <summary>Adds the four checks once, whatever the number of calls.</summary>
    public static IHealthChecksBuilder AddPolarBillingChecks(this IHealthChecksBuilder builder, IEnumerable<string> tags)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(PolarBillingHealthChecksAdded)))
        {
            return builder;
        }

        builder.Services.AddSingleton<PolarBillingHealthChecksAdded>();
        builder.Services.AddBillingDiagnosticsServices();
        string[] all = [PolarBillingHealthChecks.Tag, .. tags.Where(t => t != PolarBillingHealthChecks.Tag)];
        return builder
            .AddCheck<DatabaseHealthCheck>(PolarBillingHealthChecks.Database, HealthStatus.Unhealthy, all)
            .AddCheck<PolarApiHealthCheck>(PolarBillingHealthChecks.Polar, HealthStatus.Unhealthy, all)
            .AddCheck<WebhookInboxHealthCheck>(PolarBillingHealthChecks.WebhookInbox, HealthStatus.Unhealthy, all)
            .AddCheck<DeadLetterHealthCheck>(PolarBillingHealthChecks.DeadLetters, HealthStatus.Unhealthy, all);
    }

    private sealed class PolarBillingHealthChecksAdded;
}
