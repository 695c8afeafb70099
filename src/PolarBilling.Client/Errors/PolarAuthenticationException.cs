using System.Net;

namespace PolarBilling.Client;

/// <summary>Polar answered 401: the access token is missing, unknown, expired or revoked.</summary>
public sealed class PolarAuthenticationException : PolarApiException
{
    /// <summary>Creates the exception.</summary>
    public PolarAuthenticationException(string message, string? error, string? detail, string? responseBody)
        : base(message, HttpStatusCode.Unauthorized, error, detail, responseBody)
    {
    }
}
