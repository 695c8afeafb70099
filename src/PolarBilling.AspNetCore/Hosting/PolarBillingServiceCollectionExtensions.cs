using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolarBilling;
using PolarBilling.AspNetCore.Endpoints;
using PolarBilling.AspNetCore.Diagnostics;
using PolarBilling.AspNetCore.Entitlements;
using PolarBilling.AspNetCore.Hosting;
using PolarBilling.Plans;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PolarBilling in an ASP.NET Core app.</summary>
public static class PolarBillingServiceCollectionExtensions
{
    /// <summary>
    /// Registers PolarBilling: options bound to the <c>Polar</c> section (with <c>POLAR_ACCESS_TOKEN</c>,
    /// <c>POLAR_WEBHOOK_SECRET</c> and <c>POLAR_SERVER</c> as fallbacks) and validated at startup, the Polar client,
    /// the plan catalog, entitlements and the billing endpoints' services. Choose a store on the returned builder
    /// (<c>.UseEntityFrameworkCore&lt;TContext&gt;()</c>, <c>.UsePostgreSql(…)</c>, <c>.UseSqlite(…)</c>). Safe to call twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional settings in code, applied after configuration.</param>
    /// <returns>The builder.</returns>
    public static PolarBillingBuilder AddPolarBilling(this IServiceCollection services, Action<PolarBillingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PolarBillingOptions>()
            .BindConfiguration(PolarBillingOptions.SectionName)
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(o.WebhookSecret))
                {
                    o.WebhookSecret = configuration["POLAR_WEBHOOK_SECRET"];
                }
            });
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolarBillingOptions>, PolarBillingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => BillingPlanCatalog.Create(sp.GetRequiredService<IOptions<PolarBillingOptions>>().Value.Plans));
        services.AddPolarClient(PolarBillingOptions.SectionName);
        services.AddBillingEndpointsServices();
        services.AddBillingDiagnosticsServices();
        services.AddBillingEntitlementsServices();
        PolarBilling.AspNetCore.Usage.UsageWebServiceCollectionExtensions.AddBillingUsageWeb(services);
        PolarBilling.AspNetCore.Usage.Pipeline.UsagePipelineServiceCollectionExtensions.AddBillingUsagePipeline(services);
        return new PolarBillingBuilder(services);
    }
}
