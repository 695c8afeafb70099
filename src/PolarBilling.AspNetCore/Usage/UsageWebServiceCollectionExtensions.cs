using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolarBilling.AspNetCore.Usage.Alerts;
using PolarBilling.Client;
using PolarBilling.Notifications;
using PolarBilling.Usage;
using PolarBilling.Usage.Periods;
using PolarBilling.Usage.Reports;

namespace PolarBilling.AspNetCore.Usage;

/// <summary>The web side of usage billing: reports, the usage middleware, alert email and webhook. Safe to call twice.</summary>
internal static class UsageWebServiceCollectionExtensions
{
    public static IServiceCollection AddBillingUsageWeb(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new RenewalDiscounts(sp.GetRequiredService<PolarClient>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new UsageReports(
            sp.GetRequiredService<IUsageStore>(), sp.GetRequiredService<UsagePeriodResolver>(), sp.GetRequiredService<IOptions<PolarBillingOptions>>(), sp.GetRequiredService<RenewalDiscounts>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, UsageTrackingStartupFilter>());

        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateOnStart();
        services.AddOptions<UsageAlertEmailOptions>().BindConfiguration("Polar:Usage");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolarBillingOptions>, UsageAlertSenderValidator>());
        services.TryAddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddHttpClient(UsageAlertWebhookHandler.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

        // Both handlers return at once unless their setting (AlertEmailFrom, AlertWebhookUrl) is present.
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IBillingNotificationHandler, UsageAlertEmailHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IBillingNotificationHandler, UsageAlertWebhookHandler>());
        return services;
    }
}
