using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.Emulator;
using PolarBilling.Store;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Infrastructure;

public sealed partial class BillingTestApp
{
    /// <summary>Test cards of the emulator.</summary>
    public const string PayingCard = "4242424242424242";
    public const string DecliningCard = "4000000000000002";
    public const string RenewalFailingCard = "4000000000000341";

    /// <summary>Moves the emulator's clock (and so the app's); renewals, trial ends and period ends run and send their webhooks.</summary>
    public EmulatorClockAdvance AdvanceClock(TimeSpan duration) => Emulator.AdvanceClock(duration);

    /// <summary>Pays a checkout as the customer would on the hosted page; returns the control route's response (200, or 402 for a declining card).</summary>
    public async Task<HttpResponseMessage> CompleteCheckoutAsync(string checkoutId, string card = PayingCard)
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
        using var body = new StringContent(JsonSerializer.Serialize(new { card }), Encoding.UTF8, "application/json");
        return await http.PostAsync($"/emulator/checkouts/{checkoutId}/complete", body, Ct);
    }

    /// <summary>Creates a checkout through <c>POST /api/billing/checkout</c> as <paramref name="userId"/>; returns its id.</summary>
    public async Task<string> StartCheckoutAsync(string userId, string plan)
    {
        using var response = await ClientFor(userId).PostAsJsonAsync("/api/billing/checkout", new { plan }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"Checkout for '{plan}' failed: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("checkoutId").GetString()!;
    }

    /// <summary>
    /// Buys <paramref name="plan"/> for <paramref name="userId"/> end to end (checkout endpoint, paying card, webhooks)
    /// and waits until the projection shows it: an active/trialing subscription, or a paid order for a one-time plan.
    /// The emulator's clock stays where it was: before a change through the endpoints that should be projected at once
    /// (upgrade, cancel, …), let time pass (<c>AdvanceClock(TimeSpan.FromMinutes(1))</c>) as it would for a real user,
    /// or Polar's answer carries the same modified_at as the webhooks already projected and is ignored as not newer.
    /// </summary>
    public async Task<string> SubscribeAsync(string userId, string plan)
    {
        var checkoutId = await StartCheckoutAsync(userId, plan);
        using (var paid = await CompleteCheckoutAsync(checkoutId))
        {
            Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync(Ct));
        }

        var productId = Plans.ProductIdOf(plan);
        await WaitForProjectionAsync(userId, async (store, customer) =>
            (await store.ListSubscriptionsAsync(customer.Id, null, Ct)).Any(s => s.ProductId == productId && s.Status is "active" or "trialing")
            || (await store.ListOrdersAsync(customer.Id, Ct)).Any(o => o.ProductId == productId && o.Status == "paid"));
        return checkoutId;
    }

    /// <summary>Waits (up to 30 s of real time) until <paramref name="condition"/> holds for the user's projected customer.</summary>
    public async Task<BillingCustomer> WaitForProjectionAsync(string userId, Func<IBillingReadStore, BillingCustomer, Task<bool>> condition, string? because = null)
    {
        var store = Services.GetRequiredService<IBillingReadStore>();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (true)
        {
            if (await store.FindCustomerByUserIdAsync(userId, Ct) is { } customer && await condition(store, customer))
            {
                return customer;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"The projection did not reach the expected state within 30 s{(because is null ? "" : ": " + because)}.");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>Waits until the user's projected subscriptions satisfy <paramref name="condition"/>; returns them.</summary>
    public async Task<IReadOnlyList<BillingSubscription>> WaitForSubscriptionsAsync(string userId, Func<IReadOnlyList<BillingSubscription>, bool> condition, string? because = null)
    {
        IReadOnlyList<BillingSubscription> found = [];
        await WaitForProjectionAsync(userId, async (store, customer) => condition(found = await store.ListSubscriptionsAsync(customer.Id, null, Ct)), because);
        return found;
    }
}
