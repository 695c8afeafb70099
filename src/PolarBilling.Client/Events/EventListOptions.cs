using PolarBilling.Client.Internal;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <c>GET /v1/events/</c>; set filters are combined with AND, the values of one list filter with OR.
/// Sort key: <c>timestamp</c> (Polar's default <c>-timestamp</c>, newest first).
/// </summary>
public sealed class EventListOptions : ListOptions
{
    /// <summary>Only events matching this meter-style filter (<c>filter</c>, sent as JSON), e.g. <c>MeterFilters.EventName("api_call")</c>.</summary>
    public Filter? Filter { get; set; }

    /// <summary>Only events after this instant (<c>start_timestamp</c>).</summary>
    public DateTimeOffset? StartTimestamp { get; set; }

    /// <summary>Only events before this instant (<c>end_timestamp</c>).</summary>
    public DateTimeOffset? EndTimestamp { get; set; }

    /// <summary>Only events of these organizations (<c>organization_id</c>); not needed with an organization token.</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only events of these Polar customers (<c>customer_id</c>).</summary>
    public IList<string>? CustomerId { get; set; }

    /// <summary>Only events of customers with these external ids, i.e. your user ids (<c>external_customer_id</c>).</summary>
    public IList<string>? ExternalCustomerId { get; set; }

    /// <summary>Only events a meter counts, by the meter's filter (<c>meter_id</c>; one meter).</summary>
    public string? MeterId { get; set; }

    /// <summary>Only events with these names (<c>name</c>).</summary>
    public IList<string>? Name { get; set; }

    /// <summary>Only events from these sources (<c>source</c>): <see cref="EventSource.User"/> (ingested) or <see cref="EventSource.System"/> (Polar's).</summary>
    public IList<EventSource>? Source { get; set; }

    /// <summary>A text search over events (<c>query</c>).</summary>
    public string? Query { get; set; }

    /// <summary>With <see cref="Depth"/>: the event whose descendants to list instead of root events (<c>parent_id</c>).</summary>
    public string? ParentId { get; set; }

    /// <summary>Descendant depth (<c>depth</c>, 0 to 5): 0 = root events only, 1 = roots and children, ... Unset: every event regardless of hierarchy.</summary>
    public int? Depth { get; set; }

    /// <summary>Only events whose metadata has these values (<c>metadata[key]=value</c>).</summary>
    public IDictionary<string, MetadataValue>? Metadata { get; set; }

    private protected override void AddFilters(PolarQuery query)
    {
        if (Depth is < 0 or > 5)
        {
            throw new ArgumentException($"EventListOptions.Depth is {Depth}: use 0 to 5, or leave it unset.");
        }

        query.Add("filter", Filter is null ? null : PolarJson.Serialize(Filter))
            .Add("start_timestamp", StartTimestamp)
            .Add("end_timestamp", EndTimestamp)
            .Add("organization_id", OrganizationId)
            .Add("customer_id", CustomerId)
            .Add("external_customer_id", ExternalCustomerId)
            .Add("meter_id", MeterId)
            .Add("name", Name)
            .Add("source", Source)
            .Add("query", Query)
            .Add("parent_id", ParentId)
            .Add("depth", Depth)
            .AddMetadata(Metadata);
    }
}
