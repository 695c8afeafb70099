using System.Net;

namespace PolarBilling.Client;

/// <summary>
/// Polar answered 402 <c>PaymentFailed</c>: the customer's payment method was charged and declined (for example on
/// an upgrade billed at once). Nothing changed; the customer needs to update their card.
/// </summary>
public sealed class PolarPaymentFailedException : PolarApiException
{
    /// <summary>Creates the exception.</summary>
    public PolarPaymentFailedException(string message, string? error, string? detail, string? responseBody)
        : base(message, HttpStatusCode.PaymentRequired, error, detail, responseBody)
    {
    }
}
