using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>The query of <c>GET /v1/meters/{id}/quantities</c>: a window, a bucket size and optional filters.</summary>
public sealed class MeterQuantitiesOptions
{
    /// <summary>The start of the window (<c>start_timestamp</c>). Required.</summary>
    public required DateTimeOffset StartTimestamp { get; set; }

    /// <summary>The end of the window (<c>end_timestamp</c>). Required; not before the start.</summary>
    public required DateTimeOffset EndTimestamp { get; set; }

    /// <summary>The bucket size (<c>interval</c>): hour, day, week, month or year. Required.</summary>
    public required TimeInterval Interval { get; set; }

    /// <summary>The IANA time zone buckets are cut in (<c>timezone</c>), e.g. <c>Europe/Paris</c>. Default: UTC.</summary>
    public string? Timezone { get; set; }

    /// <summary>Only events of these Polar customers (<c>customer_id</c>).</summary>
    public IList<string>? CustomerId { get; set; }

    /// <summary>Only events of customers with these external ids, i.e. your user ids (<c>external_customer_id</c>).</summary>
    public IList<string>? ExternalCustomerId { get; set; }

    /// <summary>
    /// When set, quantities are first computed per customer and then combined with this function
    /// (<c>customer_aggregation_function</c>), e.g. <see cref="AggregationFunction.Max"/> for the largest customer's usage.
    /// Default: all matching events aggregated together.
    /// </summary>
    public AggregationFunction? CustomerAggregationFunction { get; set; }

    /// <summary>Only events whose metadata has these values (<c>metadata[key]=value</c>).</summary>
    public IDictionary<string, MetadataValue>? Metadata { get; set; }

    /// <exception cref="ArgumentException">The window ends before it starts, or the time zone is empty.</exception>
    internal void AddTo(PolarQuery query)
    {
        if (EndTimestamp < StartTimestamp)
        {
            throw new ArgumentException($"MeterQuantitiesOptions.EndTimestamp ({EndTimestamp:O}) is before StartTimestamp ({StartTimestamp:O}).");
        }

        if (Timezone is not null && string.IsNullOrWhiteSpace(Timezone))
        {
            throw new ArgumentException("MeterQuantitiesOptions.Timezone is empty: leave it null for UTC or use an IANA name such as Europe/Paris.");
        }

        query.Add("start_timestamp", StartTimestamp)
            .Add("end_timestamp", EndTimestamp)
            .Add("interval", Interval.Value)
            .Add("timezone", Timezone)
            .Add("customer_id", CustomerId)
            .Add("external_customer_id", ExternalCustomerId)
            .Add("customer_aggregation_function", CustomerAggregationFunction)
            .AddMetadata(Metadata);
    }
}
