using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolarBilling.Notifications;

namespace PolarBilling.AspNetCore.Usage.Alerts;

/// <summary>Fails startup when alert emails are asked for (<c>Polar:Usage:AlertEmailFrom</c>) but nothing can send them.</summary>
internal sealed class UsageAlertSenderValidator(IServiceProvider services, IOptions<SmtpOptions> smtp) : IValidateOptions<PolarBillingOptions>
{
    public ValidateOptionsResult Validate(string? name, PolarBillingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Usage.AlertEmailFrom))
        {
            return ValidateOptionsResult.Success;
        }

        var sender = services.GetService<IEmailSender>();
        return sender is null or SmtpEmailSender && string.IsNullOrWhiteSpace(smtp.Value.Host)
            ? ValidateOptionsResult.Fail("Polar:Usage:AlertEmailFrom is set but nothing sends email: set Polar:Smtp:Host (and Port, Security, UserName, Password) or register your own IEmailSender.")
            : ValidateOptionsResult.Success;
    }
}
