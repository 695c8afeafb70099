using System.Net;

namespace PolarBilling.Client;

/// <summary>Polar answered 404: the object does not exist or belongs to another organization.</summary>
public sealed class PolarNotFoundException : PolarApiException
{
    /// <summary>Creates the exception.</summary>
    public PolarNotFoundException(string message, string? error, string? detail, string? responseBody)
        : base(message, HttpStatusCode.NotFound, error, detail, responseBody)
    {
    }
}
