namespace PolarBilling.Client;

/// <summary>Base of every error the Polar client raises. Messages name the call and the reason, never a secret.</summary>
public class PolarException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolarException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
