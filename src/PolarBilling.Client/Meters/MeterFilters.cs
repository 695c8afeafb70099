namespace PolarBilling.Client;

/// <summary>
/// Builds the <see cref="Filter"/> that picks a meter's events. A clause's property is <c>name</c> (the event name) or
/// a metadata key written without a <c>metadata.</c> prefix; values are strings, 32-bit integers or booleans.
/// </summary>
public static class MeterFilters
{
    /// <summary>Events with exactly this name, the usual meter filter.</summary>
    /// <param name="eventName">The event name, as sent in <see cref="EventCreate.Name"/>.</param>
    /// <returns><c>{"conjunction": "and", "clauses": [{"property": "name", "operator": "eq", "value": ...}]}</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="eventName"/> is null, empty or white space.</exception>
    public static Filter EventName(string eventName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return All(Clause("name", FilterOperator.Eq, eventName));
    }

    /// <summary>Events matching every condition.</summary>
    /// <param name="conditions">Clauses or nested filters.</param>
    /// <returns>An <c>and</c> filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conditions"/> is null.</exception>
    public static Filter All(params FilterCondition[] conditions) => Of(FilterConjunction.And, conditions);

    /// <summary>Events matching at least one condition.</summary>
    /// <param name="conditions">Clauses or nested filters.</param>
    /// <returns>An <c>or</c> filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conditions"/> is null.</exception>
    public static Filter Any(params FilterCondition[] conditions) => Of(FilterConjunction.Or, conditions);

    /// <summary>One comparison, e.g. <c>Clause("model", FilterOperator.Eq, "gpt-5")</c>.</summary>
    /// <param name="property"><c>name</c> or a metadata key.</param>
    /// <param name="op">The comparison; <c>like</c>/<c>not_like</c> take SQL patterns such as <c>gpt-%</c>.</param>
    /// <param name="value">A string (up to 1000 characters), a 32-bit integer or a boolean.</param>
    /// <returns>The clause.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is null, empty or white space.</exception>
    public static FilterClause Clause(string property, FilterOperator op, MetadataValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(property);
        return new FilterClause { Property = property, Operator = op, Value = value };
    }

    private static Filter Of(FilterConjunction conjunction, FilterCondition[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return new Filter { Conjunction = conjunction, Clauses = [.. conditions] };
    }
}
