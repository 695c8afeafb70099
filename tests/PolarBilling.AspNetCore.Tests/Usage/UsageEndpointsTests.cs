using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage;

/// <summary>GET /api/usage/current, /history and /invoice-preview: sign-in, own data only, shapes and validation.</summary>
public sealed class UsageEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_callers_get_401_from_every_usage_endpoint()
    {
        await using var app = await MeteredTestApp.StartAsync();
        var anonymous = app.AnonymousClient();

        foreach (var path in new[] { "/api/usage/current", "/api/usage/history", "/api/usage/invoice-preview" })
        {
            using var response = await anonymous.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Each_user_sees_only_their_own_usage_with_plan_period_and_overage()
    {
        await using var app = await MeteredTestApp.StartAsync(app: a => a.MapGet("/metered", () => TypedResults.Ok(new { ok = true })).TrackUsage(MeteredTestApp.Meter));
        var period = await app.SubscribeToApiAsync("alice");
        var alice = app.ClientFor("alice");
        var bob = app.ClientFor("bob");
        for (var i = 0; i < 3; i++)
        {
            (await alice.GetAsync("/metered", Ct)).Dispose();
        }

        (await bob.GetAsync("/metered", Ct)).Dispose();
        (await bob.GetAsync("/metered", Ct)).Dispose();

        var aliceMeter = await MeteredTestApp.WaitForUsedAsync(alice, 3);
        var bobMeter = await MeteredTestApp.WaitForUsedAsync(bob, 2);

        Assert.Equal(("API calls", "calls", 10_000L, 9_997L, 0L, 0L, 1m), (aliceMeter.Str("name"), aliceMeter.Str("unit"), aliceMeter.GetProperty("included").GetInt64(),
            aliceMeter.GetProperty("remaining").GetInt64(), aliceMeter.GetProperty("overageQuantity").GetInt64(), aliceMeter.GetProperty("overageCost").GetInt64(), aliceMeter.GetProperty("unitPrice").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, aliceMeter.GetProperty("alertLevel").ValueKind);
        using var current = await alice.GetAsync("/api/usage/current", Ct);
        var aliceCurrent = await current.ReadJsonAsync();
        Assert.Equal(("api", "usd"), (aliceCurrent.Str("plan"), aliceCurrent.Str("currency")));
        Assert.Equal(period.PeriodStart, aliceCurrent.GetProperty("periodStart").GetDateTimeOffset());
        Assert.Equal(period.PeriodEnd, aliceCurrent.GetProperty("periodEnd").GetDateTimeOffset());

        // Bob has no subscription: the free plan, where the meter is unpriced (included 0, no charge).
        Assert.Equal((0L, 0L, 2L), (bobMeter.GetProperty("included").GetInt64(), bobMeter.GetProperty("overageCost").GetInt64(), bobMeter.GetProperty("overageQuantity").GetInt64()));

        using var history = await alice.GetAsync("/api/usage/history?interval=hour", Ct);
        var series = Assert.Single((await history.ReadJsonAsync()).GetProperty("series").EnumerateArray());
        Assert.Equal(MeteredTestApp.Meter, series.Str("meter"));
        Assert.Equal(3, series.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("quantity").GetInt64()));
        Assert.InRange(series.GetProperty("points").GetArrayLength(), 24, 25);
    }

    [Fact]
    public async Task History_answers_every_bucket_of_a_daily_range()
    {
        await using var app = await MeteredTestApp.StartAsync();
        var client = app.ClientFor("carol");

        using var response = await client.GetAsync("/api/usage/history?from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z&interval=day&meter=api_calls", Ct);
        var history = await response.ReadJsonAsync();

        Assert.Equal(("day", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), (history.Str("interval"), history.GetProperty("from").GetDateTimeOffset()));
        var points = Assert.Single(history.GetProperty("series").EnumerateArray()).GetProperty("points");
        Assert.Equal(7, points.GetArrayLength());
        Assert.All(points.EnumerateArray(), p => Assert.Equal(0, p.GetProperty("quantity").GetInt64()));
    }

    [Theory]
    [InlineData("interval=week", "'hour' or 'day'")]
    [InlineData("from=yesterday", "ISO 8601")]
    [InlineData("to=2026-13-45", "ISO 8601")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "before 'to'")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&interval=hour", "at most 31 days")]
    [InlineData("from=2024-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&interval=day", "at most 400 days")]
    public async Task History_rejects_bad_parameters_with_a_problem_saying_what_is_allowed(string query, string expected)
    {
        await using var app = await MeteredTestApp.StartAsync();

        using var response = await app.ClientFor("dave").GetAsync($"/api/usage/history?{query}", Ct);
        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains(expected, problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoice_preview_without_a_subscription_is_all_zero_on_the_free_plan()
    {
        await using var app = await MeteredTestApp.StartAsync();

        using var response = await app.ClientFor("erin").GetAsync("/api/usage/invoice-preview", Ct);
        var preview = await response.ReadJsonAsync();

        Assert.Equal(("free", 0L, 0L), (preview.Str("plan"), preview.GetProperty("baseFee").GetInt64(), preview.GetProperty("total").GetInt64()));
        Assert.Equal(0, preview.GetProperty("lines").GetArrayLength());
    }
}
