namespace PolarBilling.Client.Webhooks;

/// <summary>
/// The webhook event types of Polar API version 2026-10: the 41 of the 2026-04 spec plus <c>subscription.migrated</c>.
/// Polar may add more; those parse as <see cref="UnknownWebhookEvent"/>.
/// </summary>
public static class WebhookEventTypes
{
    /// <summary><c>checkout.created</c>; data: <see cref="Checkout"/>.</summary>
    public const string CheckoutCreated = "checkout.created";
    /// <summary><c>checkout.updated</c>; data: <see cref="Checkout"/>.</summary>
    public const string CheckoutUpdated = "checkout.updated";
    /// <summary><c>checkout.expired</c>; data: <see cref="Checkout"/>.</summary>
    public const string CheckoutExpired = "checkout.expired";
    /// <summary><c>customer.created</c>; data: <see cref="Customer"/>.</summary>
    public const string CustomerCreated = "customer.created";
    /// <summary><c>customer.updated</c>; data: <see cref="Customer"/>.</summary>
    public const string CustomerUpdated = "customer.updated";
    /// <summary><c>customer.deleted</c>; data: <see cref="Customer"/>.</summary>
    public const string CustomerDeleted = "customer.deleted";
    /// <summary><c>customer.state_changed</c>; data: <see cref="CustomerState"/>.</summary>
    public const string CustomerStateChanged = "customer.state_changed";
    /// <summary><c>customer_seat.assigned</c>; data: <see cref="CustomerSeat"/>.</summary>
    public const string CustomerSeatAssigned = "customer_seat.assigned";
    /// <summary><c>customer_seat.claimed</c>; data: <see cref="CustomerSeat"/>.</summary>
    public const string CustomerSeatClaimed = "customer_seat.claimed";
    /// <summary><c>customer_seat.revoked</c>; data: <see cref="CustomerSeat"/>.</summary>
    public const string CustomerSeatRevoked = "customer_seat.revoked";
    /// <summary><c>member.created</c>; data: <see cref="Member"/>.</summary>
    public const string MemberCreated = "member.created";
    /// <summary><c>member.updated</c>; data: <see cref="Member"/>.</summary>
    public const string MemberUpdated = "member.updated";
    /// <summary><c>member.deleted</c>; data: <see cref="Member"/>.</summary>
    public const string MemberDeleted = "member.deleted";
    /// <summary><c>order.created</c>; data: <see cref="Order"/>.</summary>
    public const string OrderCreated = "order.created";
    /// <summary><c>order.updated</c>; data: <see cref="Order"/>.</summary>
    public const string OrderUpdated = "order.updated";
    /// <summary><c>order.paid</c>; data: <see cref="Order"/>.</summary>
    public const string OrderPaid = "order.paid";
    /// <summary><c>order.refunded</c>; data: <see cref="Order"/>.</summary>
    public const string OrderRefunded = "order.refunded";
    /// <summary><c>subscription.created</c>; data: <see cref="Subscription"/>.</summary>
    public const string SubscriptionCreated = "subscription.created";
    /// <summary><c>subscription.updated</c>; data: <see cref="Subscription"/>.</summary>
    public const string SubscriptionUpdated = "subscription.updated";
    /// <summary><c>subscription.active</c>; data: <see cref="Subscription"/>.</summary>
    public const string SubscriptionActive = "subscription.active";
    /// <summary><c>subscription.canceled</c>; data: <see cref="Subscription"/>.</summary>
    public const string SubscriptionCanceled = "subscription.canceled";
    /// <summary><c>subscription.uncanceled</c>; data: <see cref="Subscription"/>.</summary>
    public const string SubscriptionUncanceled = "subscription.uncanceled";
    /// <summary><c>subscription.cycled</c>; data: <see cref="Subscription"/>.</summary>
    public const string SubscriptionCycled = "subscription.cycled";
    /// <summary><c>subscription.revoked</c>; data: <see cref="Subscription"/>.</summary>
    public const string SubscriptionRevoked = "subscription.revoked";
    /// <summary><c>subscription.past_due</c>; data: <see cref="Subscription"/>.</summary>
    public const string SubscriptionPastDue = "subscription.past_due";
    /// <summary><c>subscription.paused</c>; data: <see cref="Subscription"/>.</summary>
    public const string SubscriptionPaused = "subscription.paused";
    /// <summary><c>subscription.resumed</c>; data: <see cref="Subscription"/>.</summary>
    public const string SubscriptionResumed = "subscription.resumed";
    /// <summary><c>subscription.migrated</c>; data: <see cref="Subscription"/>.</summary>
    public const string SubscriptionMigrated = "subscription.migrated";
    /// <summary><c>refund.created</c>; data: <see cref="Refund"/>.</summary>
    public const string RefundCreated = "refund.created";
    /// <summary><c>refund.updated</c>; data: <see cref="Refund"/>.</summary>
    public const string RefundUpdated = "refund.updated";
    /// <summary><c>product.created</c>; data: <see cref="Product"/>.</summary>
    public const string ProductCreated = "product.created";
    /// <summary><c>product.updated</c>; data: <see cref="Product"/>.</summary>
    public const string ProductUpdated = "product.updated";
    /// <summary><c>discount.created</c>; data: <see cref="Discount"/>.</summary>
    public const string DiscountCreated = "discount.created";
    /// <summary><c>discount.updated</c>; data: <see cref="Discount"/>.</summary>
    public const string DiscountUpdated = "discount.updated";
    /// <summary><c>discount.deleted</c>; data: <see cref="Discount"/>.</summary>
    public const string DiscountDeleted = "discount.deleted";
    /// <summary><c>organization.updated</c>; data: <see cref="Organization"/>.</summary>
    public const string OrganizationUpdated = "organization.updated";
    /// <summary><c>benefit.created</c>; data: <see cref="Benefit"/>.</summary>
    public const string BenefitCreated = "benefit.created";
    /// <summary><c>benefit.updated</c>; data: <see cref="Benefit"/>.</summary>
    public const string BenefitUpdated = "benefit.updated";
    /// <summary><c>benefit_grant.created</c>; data: <see cref="BenefitGrantWebhook"/>.</summary>
    public const string BenefitGrantCreated = "benefit_grant.created";
    /// <summary><c>benefit_grant.updated</c>; data: <see cref="BenefitGrantWebhook"/>.</summary>
    public const string BenefitGrantUpdated = "benefit_grant.updated";
    /// <summary><c>benefit_grant.cycled</c>; data: <see cref="BenefitGrantWebhook"/>.</summary>
    public const string BenefitGrantCycled = "benefit_grant.cycled";
    /// <summary><c>benefit_grant.revoked</c>; data: <see cref="BenefitGrantWebhook"/>.</summary>
    public const string BenefitGrantRevoked = "benefit_grant.revoked";

    /// <summary>All 42 known event types, in Polar's order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CheckoutCreated,
        CheckoutUpdated,
        CheckoutExpired,
        CustomerCreated,
        CustomerUpdated,
        CustomerDeleted,
        CustomerStateChanged,
        CustomerSeatAssigned,
        CustomerSeatClaimed,
        CustomerSeatRevoked,
        MemberCreated,
        MemberUpdated,
        MemberDeleted,
        OrderCreated,
        OrderUpdated,
        OrderPaid,
        OrderRefunded,
        SubscriptionCreated,
        SubscriptionUpdated,
        SubscriptionActive,
        SubscriptionCanceled,
        SubscriptionUncanceled,
        SubscriptionCycled,
        SubscriptionRevoked,
        SubscriptionPastDue,
        SubscriptionPaused,
        SubscriptionResumed,
        SubscriptionMigrated,
        RefundCreated,
        RefundUpdated,
        ProductCreated,
        ProductUpdated,
        DiscountCreated,
        DiscountUpdated,
        DiscountDeleted,
        OrganizationUpdated,
        BenefitCreated,
        BenefitUpdated,
        BenefitGrantCreated,
        BenefitGrantUpdated,
        BenefitGrantCycled,
        BenefitGrantRevoked,
    ];
}
