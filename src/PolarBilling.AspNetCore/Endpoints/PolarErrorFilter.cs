using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PolarBilling.Client;

namespace PolarBilling.AspNetCore.Endpoints;

/// <summary>
/// Turns a failed Polar call into a ProblemDetails with a safe message: Polar's own status codes that concern the
/// user (402 payment failed, 404, 409) pass through; configuration and outage errors become 502/503 without Polar's
/// response body (which can echo request data). Logs the exception type and status, never the body or the token.
/// </summary>
internal sealed partial class PolarErrorFilter(ILogger<PolarErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (PolarException exception) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var status = (exception as PolarApiException)?.StatusCode is { } code ? (int)code : 0;
            LogPolarFailed(logger, exception.GetType().Name, status, (exception as PolarApiException)?.Error);
            return exception switch
            {
                PolarPaymentFailedException => BillingProblems.Problem(StatusCodes.Status402PaymentRequired, "Payment failed.", "The payment was declined; update the payment method in the customer portal and try again."),
                PolarApiException { StatusCode: System.Net.HttpStatusCode.PaymentRequired } => BillingProblems.Problem(StatusCodes.Status402PaymentRequired, "Payment failed.", "The payment was declined; update the payment method in the customer portal and try again."),
                PolarNotFoundException => BillingProblems.NotFound("Not found.", "Polar has no such object."),
                PolarConflictException or PolarPermissionException => BillingProblems.Conflict("Change refused.", "Polar refused the change in the subscription's current state; reload and try again."),
                PolarValidationException => BillingProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Rejected by Polar.", "Polar rejected the request's data."),
                PolarRateLimitException limited => WithRetryAfter(context.HttpContext, limited.RetryAfter, BillingProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Billing is busy.", "Too many calls to the billing provider; try again shortly.")),
                PolarTimeoutException or PolarConnectionException or PolarServerException => BillingProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Billing unavailable.", "The billing provider could not be reached; try again shortly."),
                _ => BillingProblems.Problem(StatusCodes.Status502BadGateway, "Billing error.", "The billing provider refused the request; the app's billing configuration may need attention."),
            };
        }
    }

    private static IResult WithRetryAfter(HttpContext context, TimeSpan? retryAfter, IResult result)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling((retryAfter ?? TimeSpan.FromSeconds(5)).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "A Polar call failed: {ExceptionType} (HTTP {StatusCode}, error {Error}).")]
    private static partial void LogPolarFailed(ILogger logger, string exceptionType, int statusCode, string? error);
}
