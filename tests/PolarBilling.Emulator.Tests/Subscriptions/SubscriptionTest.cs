using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Subscriptions;

/// <summary>
/// Base of the subscription, benefit grant and seat tests: a catalog made through the typed client, subscriptions
/// started by paying a checkout through the control API, and the clock moved to exact moments of the period.
/// </summary>
public abstract class SubscriptionTest : EmulatorTest
{
    /// <summary>The test clock's start: every monthly subscription started now runs Nov 2 → Dec 2 (30 days).</summary>
    protected static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected Task<Product> MonthlyAsync(string name, long amount, long? trialDays = null, RecurringInterval? interval = null) =>
        Polar.Products.CreateAsync(
            new ProductCreateRecurring
            {
                Name = name,
                RecurringInterval = interval ?? RecurringInterval.Month,
                TrialInterval = trialDays is null ? null : TrialInterval.Day,
                TrialIntervalCount = trialDays,
                Prices = [new ProductPriceFixedCreate { PriceAmount = amount }],
            },
            cancellationToken: Cancel);

    /// <summary>A seat-based monthly product: <paramref name="perSeat"/> per seat, at least <paramref name="minimum"/> seats.</summary>
    protected async Task<Product> SeatsProductAsync(string name, long perSeat, long minimum = 1, long? maximum = null)
    {
        var json = new JsonObject
        {
            ["name"] = name,
            ["recurring_interval"] = "month",
            ["prices"] = new JsonArray(new JsonObject
            {
                ["amount_type"] = "seat_based",
                ["seat_tiers"] = new JsonObject
                {
                    ["seat_tier_type"] = "volume",
                    ["tiers"] = new JsonArray(new JsonObject { ["min_seats"] = minimum, ["max_seats"] = maximum, ["price_per_seat"] = perSeat }),
                },
            }),
        };
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/products/", json.ToJsonString());
        Assert.True(status == 201, body?.ToJsonString());
        return PolarJson.Deserialize<Product>(body!.ToJsonString());
    }

    protected async Task<Benefit> FeatureFlagAsync(string description = "API access") =>
        await Polar.Benefits.CreateAsync(new BenefitFeatureFlagCreate { Description = description, Properties = new BenefitFeatureFlagCreateProperties() }, cancellationToken: Cancel);

    protected async Task<Benefit> CustomBenefitAsync(string description = "Priority support") =>
        await Polar.Benefits.CreateAsync(new BenefitCustomCreate { Description = description, Properties = new BenefitCustomCreateProperties { Note = "Mail us" } }, cancellationToken: Cancel);

    protected async Task<Benefit> MeterCreditAsync(Meter meter, long units, bool rollover = false) =>
        await Polar.Benefits.CreateAsync(
            new BenefitMeterCreditCreate { Description = $"{units} credits", Properties = new BenefitMeterCreditCreateProperties { Units = units, Rollover = rollover, MeterId = meter.Id } },
            cancellationToken: Cancel);

    /// <summary>A meter counting events named <paramref name="eventName"/>.</summary>
    protected async Task<Meter> CountingMeterAsync(string eventName)
    {
        var json = $$$"""{"name":"{{{eventName}}} calls","filter":{"conjunction":"and","clauses":[{"property":"name","operator":"eq","value":"{{{eventName}}}"}]},"aggregation":{"func":"count"}}""";
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/meters/", json);
        Assert.True(status == 201, body?.ToJsonString());
        return PolarJson.Deserialize<Meter>(body!.ToJsonString());
    }

    protected Task<Product> WithBenefitsAsync(Product product, params Benefit[] benefits) =>
        Polar.Products.SetBenefitsAsync(product.Id, benefits.Select(b => b.Id), cancellationToken: Cancel);

    /// <summary>Pays a checkout for <paramref name="product"/> with <paramref name="card"/> and returns the subscription; the webhooks so far are taken.</summary>
    protected async Task<Subscription> SubscribeAsync(Product product, string email = "ada@example.com", string card = "4242424242424242", long? seats = null)
    {
        var checkout = await Polar.Checkouts.CreateAsync(new CheckoutProductsCreate { Products = [product.Id], CustomerEmail = email, Seats = seats }, cancellationToken: Cancel);
        var (status, body) = await SendAsync(HttpMethod.Post, $"/emulator/checkouts/{checkout.Id}/complete", new JsonObject { ["card"] = card }.ToJsonString());
        Assert.True(status == 200, body?.ToJsonString());
        TakeWebhooks();
        var subscriptions = await Polar.Subscriptions.ListAsync(new SubscriptionListOptions { ProductId = [product.Id] }, cancellationToken: Cancel);
        return subscriptions.Items.First(s => s.Customer.Email == email);
    }

    /// <summary>Moves the emulator clock to <paramref name="at"/>.</summary>
    protected void MoveTo(DateTimeOffset at) => Clock.SetUtcNow(at);

    /// <summary><c>POST /emulator/subscriptions/{id}/renew</c>: the period ends now.</summary>
    protected async Task<Subscription> RenewAsync(string subscriptionId)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, $"/emulator/subscriptions/{subscriptionId}/renew");
        Assert.True(status == 200, body?.ToJsonString());
        return PolarJson.Deserialize<Subscription>(body!.ToJsonString());
    }

    protected async Task<IReadOnlyList<Order>> OrdersAsync(string subscriptionId) =>
        (await Polar.Orders.ListAsync(new OrderListOptions { SubscriptionId = [subscriptionId], Sorting = ["created_at"] }, cancellationToken: Cancel)).Items;
}
