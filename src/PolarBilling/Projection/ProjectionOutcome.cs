namespace PolarBilling.Projection;

/// <summary>What the projector did with an event.</summary>
public enum ProjectionOutcome
{
    /// <summary>The event's data was newer than (or as new as) what was stored and was written.</summary>
    Applied,

    /// <summary>The stored data is newer: the event's data was ignored (its notifications, if any, were still recorded).</summary>
    Stale,

    /// <summary>The event carries no state this store keeps (e.g. <c>product.updated</c>, an unknown type).</summary>
    NotProjected,
}
