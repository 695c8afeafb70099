using System.Net;

namespace PolarBilling.Client;

/// <summary>Polar answered with an error status. Subclasses name the common cases.</summary>
public class PolarApiException : PolarException
{
    /// <summary>Creates the exception from Polar's answer.</summary>
    public PolarApiException(string message, HttpStatusCode statusCode, string? error, string? detail, string? responseBody)
        : base(message)
    {
        StatusCode = statusCode;
        Error = error;
        Detail = detail;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status Polar answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Polar's error name, such as <c>ResourceNotFound</c>, <c>SubscriptionLocked</c> or <c>invalid_token</c>; <see langword="null"/> when the body had none.</summary>
    public string? Error { get; }

    /// <summary>Polar's human-readable explanation (<c>detail</c>, or <c>error_description</c> for token errors).</summary>
    public string? Detail { get; }

    /// <summary>The raw response body, for diagnostics. Polar never echoes the access token in it.</summary>
    public string? ResponseBody { get; }
}
