namespace PolarBilling.Client;

/// <summary>One page of a Polar list: <c>{"items": [...], "pagination": {...}}</c>.</summary>
/// <typeparam name="T">The listed object.</typeparam>
public sealed class PolarList<T> : PolarObject
{
    /// <summary>The objects on this page.</summary>
    public List<T> Items { get; set; } = [];

    /// <summary>Page counts for page-numbered lists, or <c>has_next_page</c> for cursor lists.</summary>
    public PolarPagination Pagination { get; set; } = new();
}
