using System.Net;

namespace PolarBilling.Client;

/// <summary>
/// Polar answered 409: the object is busy or in a conflicting state, such as <c>SubscriptionLocked</c> while a
/// previous change is still being processed. Safe calls were retried; try a money-moving call again once the
/// object is settled (read it first).
/// </summary>
public sealed class PolarConflictException : PolarApiException
{
    /// <summary>Creates the exception.</summary>
    public PolarConflictException(string message, string? error, string? detail, string? responseBody)
        : base(message, HttpStatusCode.Conflict, error, detail, responseBody)
    {
    }
}
