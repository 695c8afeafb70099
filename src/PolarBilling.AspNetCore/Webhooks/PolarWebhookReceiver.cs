using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using PolarBilling.Diagnostics;
using PolarBilling.Inbox;

namespace PolarBilling.AspNetCore.Webhooks;

/// <summary>
/// <c>POST {prefix}/webhooks/polar</c>: reads the raw body (at most <see cref="MaxBodyBytes"/>), verifies the
/// Standard Webhooks signature and appends the delivery to the durable inbox before answering 202. Projection
/// happens later in the dispatcher, so Polar never waits on it. Never logs the body or the secret.
/// </summary>
internal static partial class PolarWebhookReceiver
{
    /// <summary>Largest body read; Polar's payloads are a few KiB.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task<Results<StatusCodeHttpResult, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, WebhookSignatureCheck signatures, IWebhookInbox inbox, PolarBillingMetrics metrics,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(PolarWebhookReceiver).FullName!);
        if (request.ContentLength > MaxBodyBytes)
        {
            return Rejected(metrics, "too_large", StatusCodes.Status413PayloadTooLarge, "The webhook body is too large.");
        }

        using var buffer = new MemoryStream(request.ContentLength is > 0 and var length ? (int)length : 4096);
        if (!await ReadBoundedAsync(request.Body, buffer, cancellationToken))
        {
            return Rejected(metrics, "too_large", StatusCodes.Status413PayloadTooLarge, "The webhook body is too large.");
        }

        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var verified = signatures.Verify(body.Span, request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"]);
        if (!verified.IsValid)
        {
            LogRejected(logger, verified.Failure.ToString());
            return Rejected(metrics, "invalid_signature", StatusCodes.Status403Forbidden, "The webhook signature is not valid.");
        }

        var stored = await inbox.AppendAsync(verified.WebhookId!, body, cancellationToken);
        if (stored == InboxAppendResult.TooLarge)
        {
            return Rejected(metrics, "too_large", StatusCodes.Status413PayloadTooLarge, "The webhook body is too large.");
        }

        metrics.WebhookReceived(stored == InboxAppendResult.Duplicate ? "duplicate" : "stored");
        return TypedResults.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<bool> ReadBoundedAsync(Stream body, MemoryStream buffer, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        return true;
    }

    private static ProblemHttpResult Rejected(PolarBillingMetrics metrics, string outcome, int status, string title)
    {
        metrics.WebhookReceived(outcome);
        return TypedResults.Problem(title: title, statusCode: status);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Rejected a Polar webhook delivery: {Failure}.")]
    private static partial void LogRejected(ILogger logger, string failure);
}
