namespace PolarBilling.AspNetCore.Entitlements;

/// <summary>What an entitlement gate checks.</summary>
internal enum EntitlementRequirementKind
{
    /// <summary>A plan key, or a higher-ranked plan (or a one-time purchase).</summary>
    Subscription,

    /// <summary>A feature flag.</summary>
    Feature,

    /// <summary>A named limit: current usage plus the requested amount must fit.</summary>
    Limit,
}
