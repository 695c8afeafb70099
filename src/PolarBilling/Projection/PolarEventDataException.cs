namespace PolarBilling.Projection;

/// <summary>
/// An event (or API object) lacks a field Polar always sends, so it cannot be projected. Nothing is written; the
/// dispatcher keeps the raw event, retries it and finally dead-letters it with this message, replayable once fixed.
/// </summary>
public sealed class PolarEventDataException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/> of the object in <paramref name="source"/>.</summary>
    /// <param name="source">What carried the data: an event type and its <c>webhook-id</c>, or the API.</param>
    /// <param name="field">The JSON path of the missing field, e.g. <c>data.currency</c>.</param>
    public PolarEventDataException(string source, string field)
        : base($"{source}: {field} is missing or null, and Polar always sends it, so the event cannot be projected. Nothing was written; replay the event once it is corrected, or reconcile the object from Polar's API.")
    {
        Field = field;
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    public PolarEventDataException()
        : this("Polar data", "a required field")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PolarEventDataException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public PolarEventDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>The JSON path of the missing field, e.g. <c>data.currency</c>.</summary>
    public string Field { get; }
}
