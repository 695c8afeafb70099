using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <c>GET /v1/customer-meters/</c>; set filters are combined with AND, the values of one list filter with OR.
/// Sort keys: <c>created_at</c>, <c>modified_at</c>, <c>customer_id</c>, <c>customer_name</c>, <c>meter_id</c>,
/// <c>meter_name</c>, <c>consumed_units</c>, <c>credited_units</c>, <c>balance</c> (prefix <c>-</c> for descending).
/// </summary>
public sealed class CustomerMeterListOptions : ListOptions
{
    /// <summary>Only meters in these organizations (<c>organization_id</c>); not needed with an organization token.</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only these Polar customers (<c>customer_id</c>).</summary>
    public IList<string>? CustomerId { get; set; }

    /// <summary>Only customers with these external ids, i.e. your user ids (<c>external_customer_id</c>).</summary>
    public IList<string>? ExternalCustomerId { get; set; }

    /// <summary>Only these meters (<c>meter_id</c>).</summary>
    public IList<string>? MeterId { get; set; }

    private protected override void AddFilters(PolarQuery query)
    {
        query.Add("organization_id", OrganizationId)
            .Add("customer_id", CustomerId)
            .Add("external_customer_id", ExternalCustomerId)
            .Add("meter_id", MeterId);
    }
}
