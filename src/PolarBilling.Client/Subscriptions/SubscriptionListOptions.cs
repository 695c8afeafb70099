using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Filters for <see cref="SubscriptionsService.ListAsync"/>: every filter of <c>GET /v1/subscriptions/</c>.
/// Unset filters are not sent; several values in one filter match any of them. Sort keys: <c>customer</c>,
/// <c>status</c>, <c>started_at</c> (Polar's default <c>-started_at</c>), <c>current_period_end</c>, <c>ended_at</c>,
/// <c>ends_at</c>, <c>amount</c>, <c>product</c>, <c>discount</c>.
/// </summary>
public sealed class SubscriptionListOptions : ListOptions
{
    /// <summary>Only these organizations (needed with user tokens only).</summary>
    public IList<string>? OrganizationId { get; set; }

    /// <summary>Only subscriptions to these products.</summary>
    public IList<string>? ProductId { get; set; }

    /// <summary>Only these customers, by Polar id.</summary>
    public IList<string>? CustomerId { get; set; }

    /// <summary>Only these customers, by your external id (e.g. your user id).</summary>
    public IList<string>? ExternalCustomerId { get; set; }

    /// <summary>Only subscriptions with these discounts.</summary>
    public IList<string>? DiscountId { get; set; }

    /// <summary>Active (<see langword="true"/>) or not. Deprecated by Polar: prefer <see cref="Status"/>.</summary>
    public bool? Active { get; set; }

    /// <summary>Only these statuses, e.g. <see cref="SubscriptionStatus.Active"/> and <see cref="SubscriptionStatus.Trialing"/>.</summary>
    public IList<SubscriptionStatus>? Status { get; set; }

    /// <summary>Only subscriptions that are (or are not) set to cancel at period end.</summary>
    public bool? CancelAtPeriodEnd { get; set; }

    /// <summary>Only subscriptions canceled for these reasons.</summary>
    public IList<CustomerCancellationReason>? CustomerCancellationReason { get; set; }

    /// <summary>Canceled at or after this instant.</summary>
    public DateTimeOffset? CanceledAtAfter { get; set; }

    /// <summary>Canceled at or before this instant.</summary>
    public DateTimeOffset? CanceledAtBefore { get; set; }

    /// <summary>Started after this instant.</summary>
    public DateTimeOffset? StartedAfter { get; set; }

    /// <summary>Started before this instant.</summary>
    public DateTimeOffset? StartedBefore { get; set; }

    /// <summary>Only subscriptions whose metadata has all these pairs (sent as <c>metadata[key]=value</c>).</summary>
    public IDictionary<string, MetadataValue>? Metadata { get; set; }

    private protected override void AddFilters(PolarQuery query) => query
        .Add("organization_id", OrganizationId)
        .Add("product_id", ProductId)
        .Add("customer_id", CustomerId)
        .Add("external_customer_id", ExternalCustomerId)
        .Add("discount_id", DiscountId)
        .Add("active", Active)
        .Add("status", Status)
        .Add("cancel_at_period_end", CancelAtPeriodEnd)
        .Add("customer_cancellation_reason", CustomerCancellationReason)
        .Add("canceled_at_after", CanceledAtAfter)
        .Add("canceled_at_before", CanceledAtBefore)
        .Add("started_after", StartedAfter)
        .Add("started_before", StartedBefore)
        .AddMetadata(Metadata);
}
