using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Clock;

/// <summary>Without a test's fake clock: frozen by default in process, running (renewing by itself) when asked.</summary>
public sealed class ClockModeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_process_time_stands_still_until_advanced()
    {
        var start = new DateTimeOffset(2030, 1, 15, 12, 0, 0, TimeSpan.Zero);
        await using var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions { ClockStart = start }, Cancel);

        await Task.Delay(50, Cancel);
        Assert.Equal(start, emulator.Now);
        emulator.AdvanceClock(TimeSpan.FromDays(1));
        Assert.Equal(start.AddDays(1), emulator.Now);
    }

    [Fact]
    public async Task A_running_clock_renews_by_itself_when_the_period_ends()
    {
        await using var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions { ClockMode = EmulatorClockMode.Running, RateLimitPerMinute = 0 }, Cancel);
        using var polar = new PolarClient(emulator.CreateClientOptions());
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var product = await polar.Products.CreateAsync(
            new ProductCreateRecurring { Name = "Basic", RecurringInterval = RecurringInterval.Month, Prices = [new ProductPriceFixedCreate { PriceAmount = 900 }] },
            cancellationToken: Cancel);
        var checkout = await polar.Checkouts.CreateAsync(new CheckoutProductsCreate { Products = [product.Id], CustomerEmail = "ada@example.com" }, cancellationToken: Cancel);
        (await http.PostAsJsonAsync($"/emulator/checkouts/{checkout.Id}/complete", new JsonObject(), Cancel)).EnsureSuccessStatusCode();
        var subscription = (await polar.Subscriptions.ListAsync(cancellationToken: Cancel)).Items.Single();
        Assert.Equal("running", (await http.GetFromJsonAsync<JsonObject>("/emulator/clock", Cancel))!["mode"]!.GetValue<string>());

        // A second before the period ends, then real time carries it over the boundary.
        emulator.AdvanceClockTo(subscription.CurrentPeriodEnd.AddSeconds(-1));
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(15);
        Subscription renewed;
        do
        {
            await Task.Delay(200, Cancel);
            renewed = await polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);
        }
        while (renewed.CurrentPeriodStart == subscription.CurrentPeriodStart && TimeProvider.System.GetUtcNow() < deadline);

        Assert.Equal(subscription.CurrentPeriodEnd, renewed.CurrentPeriodStart);
        Assert.Equal(2, (await polar.Orders.ListAsync(cancellationToken: Cancel)).Items.Count);
    }
}
