using System.Net;

namespace PolarBilling.Client;

/// <summary>
/// Polar answered 403: the token lacks a scope (<c>insufficient_scope</c>) or the action is not permitted in the
/// object's state (for example <c>AlreadyCanceledSubscription</c> or <c>RefundedAlready</c>).
/// </summary>
public sealed class PolarPermissionException : PolarApiException
{
    /// <summary>Creates the exception.</summary>
    public PolarPermissionException(string message, string? error, string? detail, string? responseBody)
        : base(message, HttpStatusCode.Forbidden, error, detail, responseBody)
    {
    }
}
