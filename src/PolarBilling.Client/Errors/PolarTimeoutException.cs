namespace PolarBilling.Client;

/// <summary>
/// Polar did not answer within the configured timeout. For a write that moves money the request may still have
/// been applied: look the object up before trying again.
/// </summary>
public sealed class PolarTimeoutException : PolarException
{
    /// <summary>Creates the exception.</summary>
    public PolarTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
