using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolarBilling.Client.Webhooks;
using PolarBilling.Notifications;
using PolarBilling.Usage.Reports;

namespace PolarBilling.AspNetCore.Usage.Alerts;

/// <summary>
/// POSTs each usage alert to <c>Polar:Usage:AlertWebhookUrl</c> as a Standard Webhooks delivery signed with
/// <c>AlertWebhookSecret</c>. The <c>webhook-id</c> is derived from the notification key, so a retry after a failure
/// or a crash carries the same id and the receiver can drop the repeat. A non-2xx answer throws (the outbox retries).
/// </summary>
internal sealed partial class UsageAlertWebhookHandler(
    IHttpClientFactory httpClients, UsageReports reports, IOptions<PolarBillingOptions> options, TimeProvider time,
    ILogger<UsageAlertWebhookHandler> logger) : IBillingNotificationHandler
{
    public const string HttpClientName = "PolarBilling.UsageAlertWebhook";
    public const string EventType = "usage.threshold_reached";

    public async Task HandleAsync(BillingNotification notification, CancellationToken cancellationToken)
    {
        var usage = options.Value.Usage;
        if (string.IsNullOrWhiteSpace(usage.AlertWebhookUrl) || string.IsNullOrWhiteSpace(usage.AlertWebhookSecret)
            || await UsageAlertFacts.ReadAsync(notification, reports, cancellationToken) is not { } alert)
        {
            return;
        }

        var body = UsageAlertWebhookPayload.Serialize(alert, time.GetUtcNow());
        var signed = new WebhookSigner(usage.AlertWebhookSecret, WebhookKeyScheme.Standard, time).Sign(WebhookIdOf(notification.Key), body);
        using var request = new HttpRequestMessage(HttpMethod.Post, usage.AlertWebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var header in signed.ToHeaders())
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The URL is the app's own configuration, the answer's body may echo data: log the status only.
            LogRefused(logger, (int)response.StatusCode, notification.Key);
            throw new HttpRequestException($"The usage alert webhook answered {(int)response.StatusCode}; it will be retried.", null, response.StatusCode);
        }

        LogDelivered(logger, signed.Id, notification.Key);
    }

    /// <summary><c>msg_</c> and the first 32 base64url characters of the SHA-256 of the notification key: stable across retries.</summary>
    internal static string WebhookIdOf(string notificationKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(notificationKey));
        return "msg_" + Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_')[..32];
    }

    [LoggerMessage(EventId = 72, Level = LogLevel.Warning, Message = "The usage alert webhook answered HTTP {StatusCode} for {NotificationKey}; it will be retried.")]
    private static partial void LogRefused(ILogger logger, int statusCode, string notificationKey);

    [LoggerMessage(EventId = 73, Level = LogLevel.Information, Message = "Usage alert webhook {WebhookId} delivered for {NotificationKey}.")]
    private static partial void LogDelivered(ILogger logger, string webhookId, string notificationKey);
}
