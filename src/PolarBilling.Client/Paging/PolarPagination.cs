using System.Text.Json.Serialization;

namespace PolarBilling.Client;

/// <summary>Polar's pagination block. Page-numbered lists fill the counts; cursor lists fill <see cref="HasNextPage"/>.</summary>
public sealed class PolarPagination : PolarObject
{
    /// <summary>How many objects match in all pages.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? TotalCount { get; set; }

    /// <summary>The last page number at the requested limit (<c>ceil(total_count / limit)</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxPage { get; set; }

    /// <summary>For cursor-paged lists (events): whether another page follows.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HasNextPage { get; set; }
}
