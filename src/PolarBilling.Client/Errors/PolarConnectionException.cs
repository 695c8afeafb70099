namespace PolarBilling.Client;

/// <summary>Polar could not be reached (DNS, refused or dropped connection, TLS). Safe calls were retried first.</summary>
public sealed class PolarConnectionException : PolarException
{
    /// <summary>Creates the exception.</summary>
    public PolarConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
