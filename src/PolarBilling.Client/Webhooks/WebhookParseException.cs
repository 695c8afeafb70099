namespace PolarBilling.Client.Webhooks;

/// <summary>
/// A verified webhook body could not be read as a Polar event: not JSON, a missing or malformed envelope field, or
/// <c>data</c> that does not fit the event's model. The message names the problem and the JSON path.
/// </summary>
public sealed class WebhookParseException : PolarException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the body.</param>
    /// <param name="eventType">The envelope's <c>type</c>, when it could be read.</param>
    /// <param name="innerException">The JSON error behind it, if any.</param>
    public WebhookParseException(string message, string? eventType = null, Exception? innerException = null)
        : base(message, innerException)
    {
        EventType = eventType;
    }

    /// <summary>The envelope's <c>type</c>, or <see langword="null"/> when the body failed before it could be read.</summary>
    public string? EventType { get; }
}
