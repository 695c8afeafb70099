namespace PolarBilling.Client;

/// <summary>
/// The ways a meter can measure its events, as <see cref="MeterAggregation"/> values for <see cref="MeterCreate"/> and
/// <see cref="MeterUpdate"/>. A property is a metadata key of the events, written without a <c>metadata.</c> prefix.
/// </summary>
public static class MeterAggregations
{
    /// <summary>Counts the matching events, e.g. API calls.</summary>
    /// <returns><c>{"func": "count"}</c>.</returns>
    public static MeterAggregation Count() => new CountAggregation();

    /// <summary>Sums a numeric property, e.g. <c>tokens</c>.</summary>
    /// <param name="property">The metadata key to add up.</param>
    /// <returns><c>{"func": "sum", "property": ...}</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is null, empty or white space.</exception>
    public static MeterAggregation Sum(string property) => Of("sum", property);

    /// <summary>The largest value of a numeric property, e.g. peak <c>storage_gb</c>.</summary>
    /// <param name="property">The metadata key.</param>
    /// <returns><c>{"func": "max", "property": ...}</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is null, empty or white space.</exception>
    public static MeterAggregation Max(string property) => Of("max", property);

    /// <summary>The smallest value of a numeric property.</summary>
    /// <param name="property">The metadata key.</param>
    /// <returns><c>{"func": "min", "property": ...}</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is null, empty or white space.</exception>
    public static MeterAggregation Min(string property) => Of("min", property);

    /// <summary>The average of a numeric property.</summary>
    /// <param name="property">The metadata key.</param>
    /// <returns><c>{"func": "avg", "property": ...}</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is null, empty or white space.</exception>
    public static MeterAggregation Avg(string property) => Of("avg", property);

    /// <summary>Counts the distinct values of a property, e.g. active <c>user_id</c>s per period.</summary>
    /// <param name="property">The metadata key.</param>
    /// <returns><c>{"func": "unique", "property": ...}</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is null, empty or white space.</exception>
    public static MeterAggregation Unique(string property)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(property);
        return new UniqueAggregation { Property = property };
    }

    private static PropertyAggregation Of(string func, string property)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(property);
        return new PropertyAggregation { Func = func, Property = property };
    }
}
