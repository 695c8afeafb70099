namespace PolarBilling.Inbox;

/// <summary>What the inbox did with a delivery. Every value but <see cref="TooLarge"/> means "answer 2xx".</summary>
public enum InboxAppendResult
{
    /// <summary>Stored durably (committed) for the first time.</summary>
    Stored,

    /// <summary>Already stored under this <c>webhook-id</c>: a redelivery, nothing written.</summary>
    Duplicate,

    /// <summary>The body exceeds the inbox's size limit and was not stored (answer 413).</summary>
    TooLarge,
}
