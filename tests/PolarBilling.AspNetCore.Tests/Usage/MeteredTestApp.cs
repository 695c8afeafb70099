using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Client;
using PolarBilling.Plans;
using PolarBilling.Usage.Provisioning;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage;

/// <summary>
/// A <see cref="BillingTestApp"/> that also sells the sample's metered plan <c>api</c> ($49/month, 10,000 calls
/// included, then $0.01 per call), provisioned on the app's emulator with <see cref="MeteredPlanProvisioner"/> when the
/// options are first read, plus helpers to subscribe to it and to wait for flushed usage.
/// </summary>
internal static class MeteredTestApp
{
    public const string Plan = "api";
    public const string Meter = "api_calls";
    public const long BaseFee = 4900;
    public const long Included = 10_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<BillingTestApp> StartAsync(
        Action<PolarBillingOptions>? configure = null, Action<IServiceCollection>? services = null, Action<WebApplication>? app = null) =>
        BillingTestApp.StartAsync(new BillingTestAppOptions
        {
            Configure = configure,
            ConfigureServices = s =>
            {
                // Runs after AddPolarBilling's configuration, with the app's own Polar client (pointed at the emulator).
                s.AddSingleton<IConfigureOptions<PolarBillingOptions>>(sp => new ConfigureNamedOptions<PolarBillingOptions>(Options.DefaultName, o =>
                {
                    var plan = ApiPlan();
                    plan.ProductId = MeteredPlanProvisioner.EnsureAsync(sp.GetRequiredService<PolarClient>(), Plan, plan, Ct).GetAwaiter().GetResult().ProductId;
                    o.Plans[Plan] = plan;
                }));
                services?.Invoke(s);
            },
            ConfigureApp = app,
        });

    public static BillingPlanOptions ApiPlan()
    {
        var plan = new BillingPlanOptions { Name = "API", Price = BaseFee, Interval = "month" };
        plan.Features.Add("api-access");
        plan.Meters[Meter] = new MeteredComponentOptions { Name = "API calls", Unit = "calls", Aggregation = "count", Included = Included, UnitPrice = 1 };
        return plan;
    }

    /// <summary>Buys the <c>api</c> plan for the user through the checkout endpoint and waits for the projected subscription.</summary>
    public static async Task<BillingSubscriptionRow> SubscribeToApiAsync(this BillingTestApp app, string userId)
    {
        var checkoutId = await app.StartCheckoutAsync(userId, Plan);
        using (var paid = await app.CompleteCheckoutAsync(checkoutId))
        {
            Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync(Ct));
        }

        var productId = app.Services.GetRequiredService<BillingPlanCatalog>().Find(Plan)!.ProductId;
        var subscriptions = await app.WaitForSubscriptionsAsync(userId, s => s.Any(x => x.ProductId == productId && x.Status == "active"), "the api subscription");
        var subscription = subscriptions.First(x => x.ProductId == productId);
        return new BillingSubscriptionRow(subscription.Id, subscription.CurrentPeriodStart!.Value, subscription.CurrentPeriodEnd!.Value);
    }

    /// <summary>Polls <c>GET /api/usage/current</c> (flushes run every second) until the meter shows <paramref name="used"/>; returns that meter.</summary>
    public static async Task<JsonElement> WaitForUsedAsync(HttpClient client, long used, string meter = Meter)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        long? last = null;
        while (true)
        {
            using var response = await client.GetAsync("/api/usage/current", Ct);
            var current = await response.ReadJsonAsync();
            var found = current.GetProperty("meters").EnumerateArray().Where(m => m.Str("meter") == meter).Select(m => (JsonElement?)m).FirstOrDefault();
            last = found?.GetProperty("used").GetInt64();
            if (last == used)
            {
                return found!.Value;
            }

            Assert.True(last is null || last < used, $"Usage of {meter} went past {used}: {last}.");
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"Usage of {meter} did not reach {used} within 30 s (last seen {last?.ToString() ?? "none"}).");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>The subscription's id and period as projected.</summary>
    internal sealed record BillingSubscriptionRow(string Id, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd);
}
