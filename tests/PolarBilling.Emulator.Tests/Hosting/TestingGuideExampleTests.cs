using Microsoft.Extensions.Time.Testing;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Hosting;

/// <summary>
/// The complete xunit example of docs/billing/testing-guide.md, kept here word for word (but for the namespace) so
/// the guide's code compiles and passes. Change both together.
/// </summary>
public sealed class TestingGuideExampleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private PolarEmulator _polar = null!;
    private PolarClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _polar = await PolarEmulator.StartAsync(new PolarEmulatorOptions { TimeProvider = _clock, RateLimitPerMinute = 0 });
        var options = _polar.CreateClientOptions();
        options.MaxRetries = 0;                       // one call, one answer
        _client = new PolarClient(options);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _polar.DisposeAsync();
    }

    [Fact]
    public async Task A_paid_checkout_starts_an_active_subscription()
    {
        var ct = TestContext.Current.CancellationToken;
        var pro = await _client.Products.CreateAsync(new ProductCreateRecurring
        {
            Name = "Pro",
            RecurringInterval = RecurringInterval.Month,
            Prices = [new ProductPriceFixedCreate { PriceAmount = 1500, PriceCurrency = PresentmentCurrency.Usd }],
        }, cancellationToken: ct);
        var checkout = await _client.Checkouts.CreateAsync(new CheckoutProductsCreate
        {
            Products = [pro.Id],
            ExternalCustomerId = "user-42",
            CustomerEmail = "ada@example.com",
        }, cancellationToken: ct);

        // Pay as the customer would on the hosted page.
        using var http = new HttpClient { BaseAddress = _polar.BaseUrl };
        using var paid = await http.PostAsync($"/emulator/checkouts/{checkout.Id}/complete",
            new StringContent("""{"card": "4242424242424242"}""", System.Text.Encoding.UTF8, "application/json"), ct);
        paid.EnsureSuccessStatusCode();

        var subscriptions = await _client.Subscriptions.ListAsync(new() { ExternalCustomerId = ["user-42"] }, cancellationToken: ct);
        var subscription = Assert.Single(subscriptions.Items);
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.Equal(_clock.GetUtcNow().AddMonths(1), subscription.CurrentPeriodEnd);
    }
}
