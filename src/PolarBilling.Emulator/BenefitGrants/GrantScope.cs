using PolarBilling.Client;

namespace PolarBilling.Emulator.BenefitGrants;

/// <summary>What a grant comes from (Polar's <c>BenefitGrantScope</c>): a subscription or an order.</summary>
internal sealed record GrantScope(string? SubscriptionId, string? OrderId)
{
    public bool Contains(BenefitGrant grant) =>
        string.Equals(grant.SubscriptionId, SubscriptionId, StringComparison.Ordinal)
        && string.Equals(grant.OrderId, OrderId, StringComparison.Ordinal);
}
