using System.Net;

namespace PolarBilling.Client;

/// <summary>
/// Polar answered 422: the request was malformed or broke a business rule (for example a customer email that is
/// already taken). <see cref="Errors"/> says which field and why.
/// </summary>
public sealed class PolarValidationException : PolarApiException
{
    /// <summary>Creates the exception.</summary>
    public PolarValidationException(string message, string? error, IReadOnlyList<PolarValidationError> errors, string? responseBody)
        : base(message, HttpStatusCode.UnprocessableEntity, error, detail: null, responseBody)
    {
        Errors = errors;
    }

    /// <summary>Each problem Polar reported, in its order.</summary>
    public IReadOnlyList<PolarValidationError> Errors { get; }
}
