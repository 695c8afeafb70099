using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolarBilling.Notifications;
using PolarBilling.Store;
using PolarBilling.Usage.Reports;

namespace PolarBilling.AspNetCore.Usage.Alerts;

/// <summary>
/// Emails the customer when their usage reaches an alert threshold: from <c>Polar:Usage:AlertEmailFrom</c> to the
/// customer's email in the projection. Does nothing unless AlertEmailFrom is set. A send failure throws, so the
/// outbox retries (an email may then arrive twice after a crash between send and delivered mark).
/// </summary>
internal sealed partial class UsageAlertEmailHandler(
    IServiceProvider services, IBillingReadStore store, UsageReports reports, IOptions<PolarBillingOptions> options,
    IOptions<UsageAlertEmailOptions> emailOptions, ILogger<UsageAlertEmailHandler> logger) : IBillingNotificationHandler
{
    public async Task HandleAsync(BillingNotification notification, CancellationToken cancellationToken)
    {
        var from = options.Value.Usage.AlertEmailFrom;
        if (string.IsNullOrWhiteSpace(from) || await UsageAlertFacts.ReadAsync(notification, reports, cancellationToken) is not { } alert)
        {
            return;
        }

        var sender = services.GetRequiredService<IEmailSender>();
        if (await store.FindCustomerByUserIdAsync(alert.UserId, cancellationToken) is not { Email: { Length: > 0 } to })
        {
            LogNoEmail(logger, notification.Key);
            return;
        }

        await sender.SendAsync(Compose(alert, from, to, emailOptions.Value.UsagePageUrl), cancellationToken);
        LogSent(logger, alert.Meter, alert.Threshold, notification.Key);
    }

    internal static EmailMessage Compose(UsageAlertFacts alert, string from, string to, string? usagePageUrl)
    {
        var c = CultureInfo.InvariantCulture;
        var subject = alert.Threshold >= 100
            ? string.Format(c, "You have used {0} % of the {1} included in your plan", alert.Threshold, alert.MeterName)
            : string.Format(c, "You have used {0} % of your included {1}", alert.Threshold, alert.MeterName);
        var period = string.Format(c, "{0:MMM d, yyyy} to {1:MMM d, yyyy} (UTC)", alert.PeriodStart.UtcDateTime, alert.PeriodEnd.UtcDateTime);
        var used = string.Format(c, "{0:#,0} of {1:#,0} {2}", alert.Used, alert.Included, alert.Unit);
        var over = alert.Used > alert.Included
            ? string.Format(c, "Usage beyond the included {0:#,0} {1} is billed at the end of the period.", alert.Included, alert.Unit)
            : "Usage beyond the included amount is billed at the end of the period.";
        var link = string.IsNullOrWhiteSpace(usagePageUrl) ? string.Empty : $"\n\nSee your usage: {usagePageUrl}";
        var text = $"{alert.MeterName}: {used} used ({alert.Threshold.ToString(c)} % alert) in the billing period {period}.\n{over}\nThe period ends {alert.PeriodEnd.UtcDateTime.ToString("MMM d, yyyy HH:mm", c)} UTC.{link}";
        var htmlLink = string.IsNullOrWhiteSpace(usagePageUrl) ? string.Empty : $"<p><a href=\"{WebUtility.HtmlEncode(usagePageUrl)}\">See your usage</a></p>";
        var html = $"<p><strong>{WebUtility.HtmlEncode(alert.MeterName)}</strong>: {WebUtility.HtmlEncode(used)} used ({alert.Threshold.ToString(c)} % alert) in the billing period {WebUtility.HtmlEncode(period)}.</p><p>{WebUtility.HtmlEncode(over)}</p>{htmlLink}";
        return new EmailMessage(from, to, subject, text, html);
    }

    [LoggerMessage(EventId = 70, Level = LogLevel.Warning, Message = "Usage alert {NotificationKey}: the customer has no email in the projection; no alert email sent.")]
    private static partial void LogNoEmail(ILogger logger, string notificationKey);

    [LoggerMessage(EventId = 71, Level = LogLevel.Information, Message = "Usage alert email sent for meter {Meter} at {Threshold} % ({NotificationKey}).")]
    private static partial void LogSent(ILogger logger, string meter, int threshold, string notificationKey);
}
