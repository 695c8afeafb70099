using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Notifications;
using PolarBilling.Projection;
using PolarBilling.Tests.Support;
using Xunit;
using static PolarBilling.Tests.Support.BillingEvents;

namespace PolarBilling.Tests.Projection;

public sealed class BillingProjectorTests
{
    private readonly InMemoryBillingStore _store = new();
    private readonly BillingProjector _projector = new();

    private Task<ProjectionOutcome> Apply(PolarWebhookEvent e, string id) => _projector.ApplyAsync(e, id, _store, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_subscription_arriving_first_creates_its_customer_linked_to_the_user()
    {
        var sub = Subscription("sub_1", "cus_1", "prod_pro", SubscriptionStatus.Active, Epoch, userId: "user-42");
        Assert.Equal(ProjectionOutcome.Applied, await Apply(new SubscriptionActiveWebhookEvent(sub, Epoch), "m1"));

        var customer = _store.Customers["cus_1"];
        Assert.Equal("user-42", customer.UserId);
        Assert.Equal("cus_1@example.com", customer.Email);
        var row = _store.Subscriptions["sub_1"];
        Assert.Equal(("active", "prod_pro", "prod_pro", 1500L, "usd"), (row.Status, row.ProductId, row.PlanKey, row.Amount, row.Currency));
        var note = Assert.Single(_store.Notifications.Values);
        Assert.Equal((BillingNotificationKind.SubscriptionActivated, "user-42", "sub_1:m1"), (note.Kind, note.UserId, note.Key[(note.Key.IndexOf(':') + 1)..]));
    }

    [Fact]
    public async Task Data_without_a_field_Polar_always_sends_is_refused_by_name_and_writes_nothing()
    {
        var order = Order("ord_1", "cus_1", subscriptionId: null, paid: true, Epoch);
        order.Currency = null!;
        var subscription = Subscription("sub_1", "cus_1", "prod_pro", SubscriptionStatus.Active, Epoch);
        subscription.CustomerId = null!;

        var orderError = await Assert.ThrowsAsync<PolarEventDataException>(() => Apply(new OrderPaidWebhookEvent(order, Epoch), "m1"));
        var subscriptionError = await Assert.ThrowsAsync<PolarEventDataException>(() => Apply(new SubscriptionUpdatedWebhookEvent(subscription, Epoch), "m2"));

        Assert.Equal("data.currency", orderError.Field);
        Assert.StartsWith("order.paid (webhook-id m1): data.currency is missing or null", orderError.Message, StringComparison.Ordinal);
        Assert.Equal("data.customer_id", subscriptionError.Field);
        Assert.Empty(_store.Customers);
        Assert.Empty(_store.Orders);
        Assert.Empty(_store.Subscriptions);
        Assert.Empty(_store.Notifications);
    }

    [Fact]
    public async Task Older_data_arriving_later_is_ignored()
    {
        var newer = Subscription("sub_1", "cus_1", "prod_pro", SubscriptionStatus.Canceled, Epoch.AddMinutes(5));
        var older = Subscription("sub_1", "cus_1", "prod_basic", SubscriptionStatus.Active, Epoch.AddMinutes(1));
        await Apply(new SubscriptionRevokedWebhookEvent(newer, Epoch.AddMinutes(5)), "m2");

        Assert.Equal(ProjectionOutcome.Stale, await Apply(new SubscriptionUpdatedWebhookEvent(older, Epoch.AddMinutes(1)), "m1"));
        Assert.Equal(("canceled", "prod_pro"), (_store.Subscriptions["sub_1"].Status, _store.Subscriptions["sub_1"].ProductId));
    }

    [Fact]
    public async Task Equal_modified_at_is_decided_by_the_envelope_timestamp()
    {
        var first = Subscription("sub_1", "cus_1", "prod_basic", SubscriptionStatus.Active, Epoch);
        var second = Subscription("sub_1", "cus_1", "prod_pro", SubscriptionStatus.Active, Epoch);
        await Apply(new SubscriptionUpdatedWebhookEvent(second, Epoch.AddSeconds(2)), "m2");

        Assert.Equal(ProjectionOutcome.Stale, await Apply(new SubscriptionUpdatedWebhookEvent(first, Epoch.AddSeconds(1)), "m1"));
        Assert.Equal("prod_pro", _store.Subscriptions["sub_1"].ProductId);
    }

    [Fact]
    public async Task A_plan_change_and_a_recovery_are_notified_when_the_newer_state_is_applied()
    {
        await Apply(new SubscriptionPastDueWebhookEvent(Subscription("sub_1", "cus_1", "prod_basic", SubscriptionStatus.PastDue, Epoch), Epoch), "m1");
        await Apply(new SubscriptionUpdatedWebhookEvent(Subscription("sub_1", "cus_1", "prod_pro", SubscriptionStatus.Active, Epoch.AddDays(1)), Epoch.AddDays(1)), "m2");

        var kinds = _store.Notifications.Values.Select(n => n.Kind).Order().ToArray();
        Assert.Equal([BillingNotificationKind.PlanChanged, BillingNotificationKind.SubscriptionPastDue, BillingNotificationKind.SubscriptionRecovered], kinds);
        var change = _store.Notifications.Values.Single(n => n.Kind == BillingNotificationKind.PlanChanged);
        Assert.Equal(("prod_basic", "prod_pro"), (change.PreviousProductId, change.ProductId));
    }

    [Fact]
    public async Task An_order_paid_twice_is_one_payment_notification_and_keeps_the_first_paid_time()
    {
        var paid = Order("ord_1", "cus_1", null, paid: true, Epoch.AddMinutes(1));
        await Apply(new OrderPaidWebhookEvent(paid, Epoch.AddMinutes(1)), "m1");
        await Apply(new OrderPaidWebhookEvent(paid, Epoch.AddMinutes(1)), "m1-again");
        await Apply(new OrderRefundedWebhookEvent(Order("ord_1", "cus_1", null, paid: true, Epoch.AddMinutes(9), refunded: 1500), Epoch.AddMinutes(9)), "m2");

        var note = Assert.Single(_store.Notifications.Values);
        Assert.Equal(("payment_succeeded:ord_1", 1500L, "usd"), (note.Key, note.Amount, note.Currency));
        var order = _store.Orders["ord_1"];
        Assert.Equal(("refunded", 1500L, Epoch.AddMinutes(1)), (order.Status, order.RefundedAmount, order.PaidAt));
    }

    [Fact]
    public async Task A_refund_is_notified_once_when_it_succeeds_and_creates_a_missing_customer()
    {
        await Apply(new RefundCreatedWebhookEvent(Refund("ref_1", "ord_1", "cus_9", RefundStatus.Pending, Epoch), Epoch), "m1");
        await Apply(new RefundUpdatedWebhookEvent(Refund("ref_1", "ord_1", "cus_9", RefundStatus.Succeeded, Epoch.AddMinutes(1)), Epoch.AddMinutes(1)), "m2");
        await Apply(new RefundUpdatedWebhookEvent(Refund("ref_1", "ord_1", "cus_9", RefundStatus.Succeeded, Epoch.AddMinutes(1)), Epoch.AddMinutes(2)), "m3");

        Assert.True(_store.Customers.ContainsKey("cus_9"));
        var note = Assert.Single(_store.Notifications.Values);
        Assert.Equal((BillingNotificationKind.Refunded, "refunded:ref_1"), (note.Kind, note.Key));
    }

    [Fact]
    public async Task A_deleted_customer_keeps_its_row_and_user_link()
    {
        var customer = new CustomerIndividual { Id = "cus_1", CreatedAt = Epoch, ModifiedAt = Epoch, ExternalId = "u1", Email = "a@example.com", OrganizationId = "org" };
        await Apply(new CustomerCreatedWebhookEvent(customer, Epoch), "m1");
        var deleted = new CustomerIndividual { Id = "cus_1", CreatedAt = Epoch, ModifiedAt = Epoch.AddDays(1), ExternalId = "u1", Email = "a@example.com", OrganizationId = "org" };
        await Apply(new CustomerDeletedWebhookEvent(deleted, Epoch.AddDays(1)), "m2");

        var row = _store.Customers["cus_1"];
        Assert.Equal(("u1", Epoch.AddDays(1)), (row.UserId, row.DeletedAt));
    }

    [Fact]
    public async Task Events_without_billing_state_are_not_projected()
    {
        var unknown = WebhookEventParser.Parse("""{"type":"brand_new.thing","timestamp":"2026-11-02T09:00:00Z","data":{}}""");
        Assert.IsType<UnknownWebhookEvent>(unknown);
        Assert.Equal(ProjectionOutcome.NotProjected, await Apply(unknown, "m1"));
        Assert.Empty(_store.Customers);
    }
}
