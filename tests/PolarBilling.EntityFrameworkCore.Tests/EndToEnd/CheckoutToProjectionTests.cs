using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolarBilling.Client;
using PolarBilling.Emulator;
using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using PolarBilling.Inbox;
using PolarBilling.Notifications;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.EndToEnd;

/// <summary>A checkout completed in the emulator reaches the projection through signed webhooks, the inbox and the dispatcher.</summary>
public sealed partial class CheckoutToProjectionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteStoreDatabase _database = new();
    private PolarEmulator _polar = null!;
    private PolarClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _polar = await PolarEmulator.StartAsync(new PolarEmulatorOptions { TimeProvider = _clock, RateLimitPerMinute = 0, WebhookRetryTimeScale = 0.001 });
        var options = _polar.CreateClientOptions();
        options.MaxRetries = 0;
        _client = new PolarClient(options);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _polar.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_completed_checkout_becomes_an_active_subscription_linked_to_the_user()
    {
        await using var app = await BillingApp.StartAsync(_database.ConnectionString, _clock, project: true);
        app.Secret = _polar.AddWebhookEndpoint(app.WebhookUrl).Secret;

        await CompleteCheckoutAsync("user-42");

        var subscription = await EventuallyAsync(app.Services, c => c.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Status == "active", Ct));
        var customer = await EventuallyAsync(app.Services, c => c.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == subscription.CustomerId, Ct));
        Assert.Equal(("user-42", 1500L, "usd"), (customer.UserId, subscription.Amount, subscription.Currency));
        var paid = await EventuallyAsync(app.Services, c => c.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Kind == BillingNotificationKind.PaymentSucceeded, Ct));
        Assert.Equal(("user-42", 1500L), (paid.UserId, paid.Amount));
    }

    [Fact]
    public async Task An_app_killed_between_receiving_and_projecting_loses_nothing()
    {
        string[] received;
        await using (var dying = await BillingApp.StartAsync(_database.ConnectionString, _clock, project: false))
        {
            dying.Secret = _polar.AddWebhookEndpoint(dying.WebhookUrl).Secret;
            await CompleteCheckoutAsync("user-7");
            received = (await EventuallyAsync(dying.Services, async c =>
            {
                var types = await c.WebhookEvents.Select(e => e.Type).ToListAsync(Ct);
                return types.Contains("subscription.active") && types.Contains("order.paid") ? types.ToArray() : null;
            })).ToArray();
            Assert.Equal(0, await Query(dying.Services, c => c.Subscriptions.CountAsync(Ct)));
        }

        await using var restarted = await BillingApp.StartAsync(_database.ConnectionString, _clock, project: true);
        var subscription = await EventuallyAsync(restarted.Services, c => c.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Status == "active", Ct));
        Assert.Equal("user-7", (await Query(restarted.Services, c => c.Customers.SingleAsync(x => x.Id == subscription.CustomerId, Ct))).UserId);
        await EventuallyAsync(restarted.Services, async c => await c.WebhookEvents.AllAsync(e => e.Status != WebhookEventStatus.Pending, Ct) ? "done" : null);
        Assert.NotEmpty(received);
    }

    private async Task CompleteCheckoutAsync(string userId)
    {
        var product = await _client.Products.CreateAsync(new ProductCreateRecurring
        {
            Name = "Pro",
            RecurringInterval = RecurringInterval.Month,
            Prices = [new ProductPriceFixedCreate { PriceAmount = 1500, PriceCurrency = PresentmentCurrency.Usd }],
        }, cancellationToken: Ct);
        var checkout = await _client.Checkouts.CreateAsync(new CheckoutProductsCreate
        {
            Products = [product.Id],
            ExternalCustomerId = userId,
            CustomerEmail = $"{userId}@example.com",
        }, cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = _polar.BaseUrl };
        using var body = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"/emulator/checkouts/{checkout.Id}/complete", body, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<T> Query<T>(IServiceProvider services, Func<PolarBillingDbContext, Task<T>> query)
    {
        await using var context = await services.GetRequiredService<IDbContextFactory<SqliteBillingDbContext>>().CreateDbContextAsync(Ct);
        return await query(context);
    }

    private static async Task<T> EventuallyAsync<T>(IServiceProvider services, Func<PolarBillingDbContext, Task<T?>> query)
        where T : class
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (true)
        {
            if (await Query(services, query) is { } found)
            {
                return found;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The projection did not appear within 30 s.");
            await Task.Delay(50, Ct);
        }
    }
}
