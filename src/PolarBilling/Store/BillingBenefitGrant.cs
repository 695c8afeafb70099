namespace PolarBilling.Store;

/// <summary>A benefit granted to a customer (table <c>billing_benefit_grants</c>).</summary>
public sealed class BillingBenefitGrant : BillingRow
{
    /// <summary>The Polar customer id.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The Polar benefit id.</summary>
    public string BenefitId { get; set; } = string.Empty;

    /// <summary>The benefit's type (<c>feature_flag</c>, <c>license_keys</c>, …), read from the payload's <c>benefit.type</c>.</summary>
    public string? BenefitType { get; set; }

    /// <summary>The subscription that granted it, if any.</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>The order that granted it, if any.</summary>
    public string? OrderId { get; set; }

    /// <summary>Whether the benefit is granted now.</summary>
    public bool IsGranted { get; set; }

    /// <summary>When it was granted.</summary>
    public DateTimeOffset? GrantedAt { get; set; }

    /// <summary>Whether it was revoked.</summary>
    public bool IsRevoked { get; set; }

    /// <summary>When it was revoked.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
