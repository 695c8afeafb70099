using System.Net;

namespace PolarBilling.Client;

/// <summary>Polar answered with a 5xx status. Safe calls were retried before this was thrown.</summary>
public sealed class PolarServerException : PolarApiException
{
    /// <summary>Creates the exception.</summary>
    public PolarServerException(string message, HttpStatusCode statusCode, string? error, string? detail, string? responseBody)
        : base(message, statusCode, error, detail, responseBody)
    {
    }
}
