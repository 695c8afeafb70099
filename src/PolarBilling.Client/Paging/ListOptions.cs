using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Paging and sorting shared by every list call. Resource-specific filters live on subclasses.</summary>
public class ListOptions
{
    /// <summary>The 1-based page to read. Default 1. Auto-paging starts here.</summary>
    public int? Page { get; set; }

    /// <summary>Objects per page, 1 to 100 (Polar clamps larger values to 100). Default: Polar's, 10.</summary>
    public int? Limit { get; set; }

    /// <summary>Sort keys in order; prefix with <c>-</c> for descending, e.g. <c>-created_at</c>.</summary>
    public IList<string>? Sorting { get; set; }

    /// <summary>Writes paging, sorting and the subclass's filters to the query string.</summary>
    /// <exception cref="ArgumentException">Page or limit is below 1.</exception>
    internal void AddTo(PolarQuery query, int? page = null)
    {
        page ??= Page;
        if (page is < 1)
        {
            throw new ArgumentException($"ListOptions.Page is {page}: pages start at 1.");
        }

        if (Limit is < 1)
        {
            throw new ArgumentException($"ListOptions.Limit is {Limit}: use 1 to 100.");
        }

        if (Sorting is { Count: > 0 } && !SupportsSorting)
        {
            throw new ArgumentException($"{GetType().Name}.Sorting is set, but Polar cannot sort this list: leave Sorting empty.");
        }

        query.Add("page", page);
        query.Add("limit", Limit);
        query.Add("sorting", Sorting);
        AddFilters(query);
    }

    /// <summary>Whether Polar accepts <c>sorting</c> on this list; the few lists that do not override this.</summary>
    private protected virtual bool SupportsSorting => true;

    /// <summary>Adds the resource-specific filters. Overridden by each list's options.</summary>
    private protected virtual void AddFilters(PolarQuery query)
    {
    }
}
