using Xunit;
using PolarBilling.Entitlements;
using PolarBilling.Store;
using static PolarBilling.Tests.Entitlements.EntitlementFixtures;

namespace PolarBilling.Tests.Entitlements;

public sealed class EntitlementEvaluatorTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromDays(7);
    private readonly RecordingLogger _logger = new();

    private UserEntitlements Evaluate(DateTimeOffset now, IReadOnlyList<BillingSubscription> subscriptions, IReadOnlyList<BillingOrder>? orders = null) =>
        new EntitlementEvaluator(Catalog(), Grace, _logger).Evaluate(UserId, subscriptions, orders ?? [], now);

    [Fact]
    public void No_subscription_is_the_free_plan()
    {
        var granted = Evaluate(Now, []);
        Assert.Equal("free", granted.Plan.Key);
        Assert.Null(granted.SubscriptionId);
        Assert.Equal(1, granted.Limit("agents"));
        Assert.False(granted.HasFeature("api-access"));
        Assert.Null(granted.AccessUntil);
    }

    [Theory]
    [InlineData("trialing")]
    [InlineData("active")]
    public void Trialing_and_active_grant_the_plan_without_an_end(string status)
    {
        var granted = Evaluate(Now, [Subscription("prod_pro", status)]);
        Assert.Equal("pro", granted.Plan.Key);
        Assert.Equal(status, granted.Status);
        Assert.Equal("sub_1", granted.SubscriptionId);
        Assert.True(granted.HasFeature("api-access"));
        Assert.Equal(5, granted.Limit("agents"));
        Assert.Null(granted.AccessUntil);
    }

    [Theory]
    [InlineData("canceled")]
    [InlineData("unpaid")]
    [InlineData("incomplete")]
    [InlineData("incomplete_expired")]
    [InlineData("paused")]
    public void Revoked_or_unpaid_subscriptions_grant_nothing(string status)
    {
        Assert.Equal("free", Evaluate(Now, [Subscription("prod_pro", status)]).Plan.Key);
    }

    [Fact]
    public void Ended_subscription_grants_nothing_whatever_its_status_says()
    {
        var subscription = Subscription("prod_pro", "active");
        subscription.EndedAt = Now.AddMinutes(-1);
        Assert.Equal("free", Evaluate(Now, [subscription]).Plan.Key);
    }

    [Fact]
    public void Cancel_at_period_end_keeps_access_until_period_end_then_not()
    {
        var subscription = Subscription("prod_pro", "active");
        subscription.CancelAtPeriodEnd = true;
        subscription.EndsAt = subscription.CurrentPeriodEnd;
        var periodEnd = subscription.CurrentPeriodEnd!.Value;

        var before = Evaluate(periodEnd.AddTicks(-1), [subscription]);
        Assert.Equal("pro", before.Plan.Key);
        Assert.Equal(periodEnd, before.AccessUntil);
        Assert.Equal("free", Evaluate(periodEnd, [subscription]).Plan.Key);
    }

    [Fact]
    public void Past_due_keeps_access_for_the_grace_period_then_not()
    {
        var subscription = Subscription("prod_pro", "past_due");
        subscription.PastDueAt = Now;

        var during = Evaluate(Now + Grace - TimeSpan.FromSeconds(1), [subscription]);
        Assert.Equal("pro", during.Plan.Key);
        Assert.Equal("past_due", during.Status);
        Assert.Equal(Now + Grace, during.AccessUntil);
        Assert.Equal("free", Evaluate(Now + Grace, [subscription]).Plan.Key);
    }

    [Fact]
    public void Recovery_from_past_due_restores_open_ended_access()
    {
        var subscription = Subscription("prod_pro", "past_due");
        subscription.PastDueAt = Now.AddDays(-30);
        Assert.Equal("free", Evaluate(Now, [subscription]).Plan.Key);

        subscription.Status = "active";
        var recovered = Evaluate(Now, [subscription]);
        Assert.Equal("pro", recovered.Plan.Key);
        Assert.Null(recovered.AccessUntil);
    }

    [Fact]
    public void Highest_ranked_granting_subscription_wins()
    {
        var pro = Subscription("prod_pro", "active", "sub_pro");
        var enterprise = Subscription("prod_ent", "trialing", "sub_ent");
        var canceledHigher = Subscription("prod_ent", "canceled", "sub_old");
        var granted = Evaluate(Now, [pro, canceledHigher, enterprise]);
        Assert.Equal("enterprise", granted.Plan.Key);
        Assert.Equal("sub_ent", granted.SubscriptionId);
        Assert.Equal(50, granted.Limit("agents"));
        Assert.True(granted.HasPlanAtLeast(Catalog().Find("pro")!));
    }

    [Fact]
    public void Unknown_product_is_ignored_with_a_warning()
    {
        var granted = Evaluate(Now, [Subscription("prod_unknown", "active")]);
        Assert.Equal("free", granted.Plan.Key);
        Assert.Contains(_logger.Warnings, w => w.Contains("prod_unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_key_is_the_fallback_when_the_product_is_not_in_the_catalog()
    {
        var subscription = Subscription("prod_legacy_pro", "active");
        subscription.PlanKey = "pro";
        Assert.Equal("pro", Evaluate(Now, [subscription]).Plan.Key);
        Assert.Empty(_logger.Warnings);
    }

    [Fact]
    public void One_time_purchase_adds_its_features_and_raises_limits()
    {
        var granted = Evaluate(Now, [], [Order("prod_course")]);
        Assert.Equal("free", granted.Plan.Key);
        Assert.True(granted.HasFeature("course-access"));
        Assert.Equal(3, granted.Limit("agents"));
        Assert.Contains("course", (IReadOnlySet<string>)granted.Purchases);
        Assert.True(granted.HasPlanAtLeast(Catalog().Find("course")!));

        var withPro = Evaluate(Now, [Subscription("prod_pro", "active")], [Order("prod_course")]);
        Assert.True(withPro.HasFeature("course-access"));
        Assert.True(withPro.HasFeature("api-access"));
        Assert.Equal(5, withPro.Limit("agents"));
    }

    [Fact]
    public void Refunded_purchase_loses_its_features_but_a_partial_refund_keeps_them()
    {
        Assert.False(Evaluate(Now, [], [Order("prod_course", "refunded", refunded: 29900)]).HasFeature("course-access"));
        Assert.False(Evaluate(Now, [], [Order("prod_course", "partially_refunded", refunded: 29900)]).HasFeature("course-access"));
        Assert.True(Evaluate(Now, [], [Order("prod_course", "partially_refunded", refunded: 100)]).HasFeature("course-access"));
    }

    [Fact]
    public void Unpaid_orders_and_subscription_orders_are_no_purchases()
    {
        var pending = Order("prod_course", "pending");
        pending.Paid = false;
        var renewal = Order("prod_pro", id: "ord_2");
        var granted = Evaluate(Now, [], [pending, renewal]);
        Assert.Empty(granted.Purchases);
        Assert.False(granted.HasFeature("course-access"));
    }
}
