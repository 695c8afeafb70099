using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Store;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Lifecycle;

/// <summary>
/// The test app with two gated endpoints, <c>GET /gated/pro</c> (<c>.RequireSubscription("pro")</c>) and
/// <c>GET /gated/enterprise</c>, and what the lifecycle tests observe through HTTP: the subscription view, the gates
/// and the payment history, each polled (10 s of real time at most) while webhooks are projected.
/// </summary>
internal sealed class LifecycleApp(BillingTestApp app, string userId) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public BillingTestApp App { get; } = app;

    public string UserId { get; } = userId;

    public HttpClient Client { get; } = app.ClientFor(userId);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<LifecycleApp> StartAsync(string userId) =>
        new(await BillingTestApp.StartAsync(new BillingTestAppOptions
        {
            ConfigureApp = app =>
            {
                app.MapGet("/gated/pro", () => TypedResults.Ok(new { plan = "pro" })).RequireAuthorization().RequireSubscription("pro");
                app.MapGet("/gated/enterprise", () => TypedResults.Ok(new { plan = "enterprise" })).RequireAuthorization().RequireSubscription("enterprise");
            },
        }), userId);

    /// <summary><c>GET /api/billing/subscription</c>.</summary>
    public async Task<JsonElement> SubscriptionAsync()
    {
        using var response = await Client.GetAsync("/api/billing/subscription", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET subscription: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls <c>GET /api/billing/subscription</c> until <paramref name="condition"/> holds.</summary>
    public Task<JsonElement> WaitForSubscriptionAsync(Func<JsonElement, bool> condition, string because) =>
        PollAsync(SubscriptionAsync, condition, because);

    /// <summary>The status code of <c>GET /gated/{plan}</c>.</summary>
    public async Task<HttpStatusCode> GateAsync(string plan)
    {
        using var response = await Client.GetAsync($"/gated/{plan}", Ct);
        return response.StatusCode;
    }

    /// <summary>Polls <c>GET /gated/{plan}</c> until it answers <paramref name="expected"/>.</summary>
    public Task<HttpStatusCode> WaitForGateAsync(string plan, HttpStatusCode expected, string because) =>
        PollAsync(() => GateAsync(plan), s => s == expected, because);

    /// <summary>The 403 body of <c>GET /gated/{plan}</c>.</summary>
    public async Task<JsonElement> DenialAsync(string plan)
    {
        using var response = await Client.GetAsync($"/gated/{plan}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    /// <summary><c>GET /api/billing/orders</c>.</summary>
    public async Task<JsonElement[]> OrdersAsync()
    {
        using var response = await Client.GetAsync("/api/billing/orders", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET orders: {(int)response.StatusCode} {text}");
        return [.. JsonDocument.Parse(text).RootElement.Clone().EnumerateArray()];
    }

    /// <summary>Polls <c>GET /api/billing/orders</c> until <paramref name="condition"/> holds.</summary>
    public Task<JsonElement[]> WaitForOrdersAsync(Func<JsonElement[], bool> condition, string because) =>
        PollAsync(OrdersAsync, condition, because);

    /// <summary>The user's projected customer (its Polar id drives the emulator's card control).</summary>
    public async Task<BillingCustomer> CustomerAsync() =>
        await App.Services.GetRequiredService<IBillingReadStore>().FindCustomerByUserIdAsync(UserId, Ct)
            ?? throw new InvalidOperationException($"{UserId} is no customer yet.");

    /// <summary>Replaces the customer's saved card on the emulator (<c>{"outcome": "fail" | "succeed"}</c>).</summary>
    public async Task SetCardAsync(string outcome)
    {
        var customer = await CustomerAsync();
        using var http = new HttpClient { BaseAddress = App.Emulator.BaseUrl };
        using var response = await http.PutAsJsonAsync($"/emulator/customers/{customer.Id}/card", new { outcome }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Moves the clock to <paramref name="instant"/> plus <paramref name="past"/>.</summary>
    public void AdvanceTo(DateTimeOffset instant, TimeSpan past) => App.Emulator.AdvanceClockTo(instant + past);

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string because)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"Not within {Patience.TotalSeconds:0} s: {because}. Last seen: {Describe(value)}");
            await Task.Delay(50, Ct);
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        JsonElement json => json.GetRawText(),
        JsonElement[] list => "[" + string.Join(",", list.Select(j => j.GetRawText())) + "]",
        _ => value?.ToString() ?? "null",
    };
}
