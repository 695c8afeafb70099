namespace PolarBilling.Plans;

/// <summary>What a plan sells.</summary>
public enum BillingPlanKind
{
    /// <summary>The plan of a user without a subscription: no Polar product, no charge.</summary>
    Free,

    /// <summary>A recurring Polar product (a subscription), optionally with a trial.</summary>
    Subscription,

    /// <summary>A one-time Polar product (a purchase, e.g. a course).</summary>
    OneTime,
}
