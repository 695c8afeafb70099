using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

/// <summary>
/// Base of the checkout, order and refund tests: builds a catalog through the typed client and pays checkouts through
/// the control API, as a test suite using the emulator would.
/// </summary>
public abstract class CheckoutFlowTest : EmulatorTest
{
    protected Task<Product> OneTimeProductAsync(string name = "Billing Patterns (ebook)", long amount = 2500) =>
        Polar.Products.CreateAsync(
            new ProductCreateOneTime { Name = name, Prices = [new ProductPriceFixedCreate { PriceAmount = amount }] },
            cancellationToken: TestContext.Current.CancellationToken);

    protected Task<Product> MonthlyProductAsync(string name = "Pro", long amount = 1500, long? trialDays = null) =>
        Polar.Products.CreateAsync(
            new ProductCreateRecurring
            {
                Name = name,
                RecurringInterval = RecurringInterval.Month,
                TrialInterval = trialDays is null ? null : TrialInterval.Day,
                TrialIntervalCount = trialDays,
                Prices = [new ProductPriceFixedCreate { PriceAmount = amount }],
            },
            cancellationToken: TestContext.Current.CancellationToken);

    protected Task<Product> PayWhatYouWantProductAsync(long minimum = 500, long? preset = null) =>
        Polar.Products.CreateAsync(
            new ProductCreateOneTime { Name = "Tip jar", Prices = [new ProductPriceCustomCreate { MinimumAmount = minimum, PresetAmount = preset }] },
            cancellationToken: TestContext.Current.CancellationToken);

    protected Task<Discount> PercentageDiscountAsync(string code, long basisPoints, DiscountDuration? duration = null) =>
        Polar.Discounts.CreateAsync(
            new DiscountPercentageCreate { Name = code + " off", Code = code, BasisPoints = basisPoints, Duration = duration ?? DiscountDuration.Once },
            cancellationToken: TestContext.Current.CancellationToken);

    protected Task<Discount> FixedDiscountAsync(string code, long amount) =>
        Polar.Discounts.CreateAsync(
            new DiscountFixedCreate { Name = code + " off", Code = code, Amount = amount, Currency = new PresentmentCurrency("usd"), Duration = DiscountDuration.Once },
            cancellationToken: TestContext.Current.CancellationToken);

    protected Task<Checkout> CheckoutAsync(Product product, Action<CheckoutProductsCreate>? configure = null)
    {
        var body = new CheckoutProductsCreate { Products = [product.Id], CustomerEmail = "ada@example.com" };
        configure?.Invoke(body);
        return Polar.Checkouts.CreateAsync(body, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary><c>POST /emulator/checkouts/{id}/complete</c>; returns the status and body.</summary>
    protected Task<(int Status, JsonNode? Body)> CompleteAsync(string checkoutId, string? card = null) =>
        SendAsync(HttpMethod.Post, $"/emulator/checkouts/{checkoutId}/complete", card is null ? "{}" : new JsonObject { ["card"] = card }.ToJsonString());

    /// <summary>Pays the checkout with 4242 and returns its order.</summary>
    protected async Task<Order> PayAsync(Checkout checkout)
    {
        var (status, body) = await CompleteAsync(checkout.Id);
        Assert.True(status == 200, body?.ToJsonString());
        var orders = await Polar.Orders.ListAsync(new OrderListOptions { CheckoutId = [checkout.Id] }, cancellationToken: TestContext.Current.CancellationToken);
        return Assert.Single(orders.Items);
    }

    /// <summary>Creates and pays a checkout for <paramref name="product"/>, discarding the webhooks it caused.</summary>
    protected async Task<Order> BuyAsync(Product product, Action<CheckoutProductsCreate>? configure = null)
    {
        var order = await PayAsync(await CheckoutAsync(product, configure));
        TakeWebhooks();
        return order;
    }
}
