using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Subscriptions;

/// <summary>Discounts (from the next cycle), trials, the billing period end, metadata and the <c>reset</c> behaviour.</summary>
public sealed class SubscriptionAdjustmentTests : SubscriptionTest
{
    [Fact]
    public async Task A_discount_applies_from_the_next_renewal_and_null_removes_it()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        var discount = await Polar.Discounts.CreateAsync(
            new DiscountPercentageCreate { Name = "Loyalty", BasisPoints = 2000, Duration = DiscountDuration.Forever }, cancellationToken: Cancel);
        TakeWebhooks();

        var discounted = await Polar.Subscriptions.ApplyDiscountAsync(subscription.Id, discount.Id, cancellationToken: Cancel);

        Assert.Equal(discount.Id, discounted.DiscountId);
        Assert.Equal("Loyalty", discounted.Discount!.Name);
        AssertWebhooks("subscription.updated", "customer.state_changed");
        Assert.Equal(1, (await Polar.Discounts.GetAsync(discount.Id, cancellationToken: Cancel)).RedemptionsCount);
        MoveTo(Start.AddDays(30));
        await RenewAsync(subscription.Id);
        var renewal = (await OrdersAsync(subscription.Id))[^1];
        Assert.Equal(580, renewal.DiscountAmount);
        Assert.Equal(2320, renewal.TotalAmount);

        var removed = await Polar.Subscriptions.RemoveDiscountAsync(subscription.Id, cancellationToken: Cancel);
        Assert.Null(removed.DiscountId);
        Assert.Null(removed.Discount);
    }

    [Fact]
    public async Task A_once_discount_covers_one_renewal_only()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        var discount = await Polar.Discounts.CreateAsync(
            new DiscountFixedCreate { Name = "Welcome back", Amount = 900, Currency = new PresentmentCurrency("usd"), Duration = DiscountDuration.Once }, cancellationToken: Cancel);
        await Polar.Subscriptions.ApplyDiscountAsync(subscription.Id, discount.Id, cancellationToken: Cancel);

        MoveTo(Start.AddDays(30));
        await RenewAsync(subscription.Id);
        var next = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        MoveTo(next.CurrentPeriodEnd);
        var afterSecond = await RenewAsync(subscription.Id);

        var orders = await OrdersAsync(subscription.Id);
        Assert.Equal([2900L, 2000L, 2900L], orders.Select(o => o.TotalAmount));
        Assert.Null(afterSecond.DiscountId);
    }

    [Fact]
    public async Task The_same_or_an_unknown_discount_is_rejected()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        var discount = await Polar.Discounts.CreateAsync(
            new DiscountPercentageCreate { Name = "Loyalty", BasisPoints = 2000, Duration = DiscountDuration.Forever }, cancellationToken: Cancel);
        await Polar.Subscriptions.ApplyDiscountAsync(subscription.Id, discount.Id, cancellationToken: Cancel);

        var (again, againBody) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", $$"""{"discount_id":"{{discount.Id}}"}""");
        var (unknown, unknownBody) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", $$"""{"discount_id":"{{Guid.NewGuid()}}"}""");

        Assert.Equal(422, again);
        Assert.Equal("This discount is already applied to the subscription.", (string?)againBody!["detail"]![0]!["msg"]);
        Assert.Equal(422, unknown);
        Assert.Equal("Discount does not exist, is not applicable to this product or is not redeemable.", (string?)unknownBody!["detail"]![0]!["msg"]);
    }

    [Fact]
    public async Task A_trial_can_be_given_to_an_active_subscription_beyond_its_period_end()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var trialing = await Polar.Subscriptions.SetTrialEndAsync(subscription.Id, Start.AddDays(45), cancellationToken: Cancel);
        var (early, earlyBody) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", """{"trial_end":"2026-11-10T00:00:00Z"}""");

        Assert.Equal(SubscriptionStatus.Trialing, trialing.Status);
        Assert.Equal(Start.AddDays(45), trialing.TrialEnd);
        Assert.Equal(Start.AddDays(45), trialing.CurrentPeriodEnd);
        Assert.Equal(200, early);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero), (DateTimeOffset)earlyBody!["trial_end"]!);
    }

    [Fact]
    public async Task Trial_rules_for_an_active_subscription()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        var (now, nowBody) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", """{"trial_end":"now"}""");
        var (early, earlyBody) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", """{"trial_end":"2026-11-20T00:00:00Z"}""");

        Assert.Equal(422, now);
        Assert.Equal("The subscription is not currently trialing.", (string?)nowBody!["detail"]![0]!["msg"]);
        Assert.Equal(422, early);
        Assert.Equal("Trial end must be after the current period end.", (string?)earlyBody!["detail"]![0]!["msg"]);
    }

    [Fact]
    public async Task The_billing_period_end_moves_and_the_next_period_anchors_on_it()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        var newEnd = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

        var moved = await Polar.Subscriptions.SetBillingPeriodEndAsync(subscription.Id, newEnd, cancellationToken: Cancel);

        Assert.Equal(newEnd, moved.CurrentPeriodEnd);
        AssertWebhooks("subscription.updated", "customer.state_changed");
        MoveTo(newEnd);
        var renewed = await RenewAsync(subscription.Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.Zero), renewed.CurrentPeriodEnd);
    }

    [Fact]
    public async Task Reset_proration_is_not_enabled_for_the_organization()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        var pro = await MonthlyAsync("Pro", 9900);

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", $$"""{"product_id":"{{pro.Id}}","proration_behavior":"reset"}""");

        Assert.Equal(422, status);
        Assert.Equal("The 'reset' proration behavior is not enabled for this organization.", (string?)body!["detail"]![0]!["msg"]);
    }

    [Fact]
    public async Task Product_change_rejects_what_polar_rejects()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        var once = await Polar.Products.CreateAsync(new ProductCreateOneTime { Name = "Ebook", Prices = [new ProductPriceFixedCreate { PriceAmount = 900 }] }, cancellationToken: Cancel);
        var archived = await Polar.Products.ArchiveAsync((await MonthlyAsync("Old", 900)).Id, cancellationToken: Cancel);

        var cases = new[] { (Guid.NewGuid().ToString(), "Product does not exist."), (once.Id, "Product is not recurring."), (archived.Id, "Product is archived.") };
        foreach (var (productId, message) in cases)
        {
            var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/subscriptions/{subscription.Id}", $$"""{"product_id":"{{productId}}"}""");
            Assert.Equal(422, status);
            Assert.Equal(message, (string?)body!["detail"]![0]!["msg"]);
        }
    }
}
