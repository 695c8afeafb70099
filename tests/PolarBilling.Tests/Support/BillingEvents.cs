using PolarBilling.Client;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Tests.Support;

/// <summary>Builds Polar objects and typed webhook events for tests (through the client's public constructors).</summary>
public static class BillingEvents
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static SubscriptionCustomer SubscriptionCustomer(string customerId, string? userId, DateTimeOffset modifiedAt) => new()
    {
        Id = customerId,
        CreatedAt = Epoch,
        ModifiedAt = modifiedAt,
        ExternalId = userId,
        Email = $"{customerId}@example.com",
        Type = CustomerType.Individual,
        OrganizationId = "org",
    };

    public static Product Product(string productId) => new()
    {
        Id = productId,
        CreatedAt = Epoch,
        Name = productId,
        Visibility = ProductVisibility.Public,
        RecurringInterval = RecurringInterval.Month,
        RecurringIntervalCount = 1,
        IsRecurring = true,
        OrganizationId = "org",
        Metadata = new() { ["plan_key"] = productId },
    };

    public static Subscription Subscription(
        string id, string customerId, string productId, SubscriptionStatus status, DateTimeOffset modifiedAt, string? userId = null, bool cancelAtPeriodEnd = false) => new()
    {
        Id = id,
        CreatedAt = Epoch,
        ModifiedAt = modifiedAt,
        Amount = 1500,
        Currency = "usd",
        RecurringInterval = RecurringInterval.Month,
        RecurringIntervalCount = 1,
        Status = status,
        CurrentPeriodStart = Epoch,
        CurrentPeriodEnd = Epoch.AddMonths(1),
        CancelAtPeriodEnd = cancelAtPeriodEnd,
        StartedAt = Epoch,
        PastDueAt = status == SubscriptionStatus.PastDue ? modifiedAt : null,
        CustomerId = customerId,
        ProductId = productId,
        Customer = SubscriptionCustomer(customerId, userId, Epoch),
        Product = Product(productId),
    };

    public static Order Order(string id, string customerId, string? subscriptionId, bool paid, DateTimeOffset modifiedAt, long refunded = 0) => new()
    {
        Id = id,
        CreatedAt = Epoch,
        ModifiedAt = modifiedAt,
        Status = refunded > 0 ? OrderStatus.Refunded : paid ? OrderStatus.Paid : OrderStatus.Pending,
        Paid = paid,
        SubtotalAmount = 1500,
        NetAmount = 1500,
        TotalAmount = 1500,
        RefundedAmount = refunded,
        Currency = "usd",
        BillingReason = subscriptionId is null ? OrderBillingReason.Purchase : OrderBillingReason.SubscriptionCreate,
        CustomerId = customerId,
        SubscriptionId = subscriptionId,
        Description = "Pro",
        Customer = new OrderCustomer
        {
            Id = customerId, CreatedAt = Epoch, ModifiedAt = Epoch, Email = $"{customerId}@example.com", Type = CustomerType.Individual, OrganizationId = "org",
        },
    };

    public static Refund Refund(string id, string orderId, string customerId, RefundStatus status, DateTimeOffset modifiedAt) => new()
    {
        Id = id,
        CreatedAt = Epoch,
        ModifiedAt = modifiedAt,
        Status = status,
        Reason = RefundReason.CustomerRequest,
        Amount = 1500,
        Currency = "usd",
        OrganizationId = "org",
        OrderId = orderId,
        CustomerId = customerId,
    };

    public static PolarWebhookEvent SubscriptionEvent(string type, Subscription data, DateTimeOffset timestamp) => type switch
    {
        WebhookEventTypes.SubscriptionCreated => new SubscriptionCreatedWebhookEvent(data, timestamp),
        WebhookEventTypes.SubscriptionUpdated => new SubscriptionUpdatedWebhookEvent(data, timestamp),
        WebhookEventTypes.SubscriptionActive => new SubscriptionActiveWebhookEvent(data, timestamp),
        WebhookEventTypes.SubscriptionCanceled => new SubscriptionCanceledWebhookEvent(data, timestamp),
        WebhookEventTypes.SubscriptionUncanceled => new SubscriptionUncanceledWebhookEvent(data, timestamp),
        WebhookEventTypes.SubscriptionRevoked => new SubscriptionRevokedWebhookEvent(data, timestamp),
        WebhookEventTypes.SubscriptionPastDue => new SubscriptionPastDueWebhookEvent(data, timestamp),
        WebhookEventTypes.SubscriptionCycled => new SubscriptionCycledWebhookEvent(data, timestamp),
        _ => throw new ArgumentException($"No builder for {type}", nameof(type)),
    };
}
