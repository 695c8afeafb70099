using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Sample;

/// <summary>
/// The sample's metered plan as a visitor meets it: the usage page offers the API plan to a Free user; after buying
/// it, every successful call of <c>GET /api/demo/metered</c> shows up in <c>/api/usage/current</c>, the history and
/// the invoice preview, and the usage page lays out the plan's meter.
/// </summary>
public sealed class SaasStarterUsageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_of_the_metered_endpoint_on_the_api_plan_show_up_as_current_usage_history_and_invoice_preview()
    {
        await using var sample = await SaasStarterHost.StartAsync(Ct);
        using var browser = sample.CreateBrowser();
        using (var anonymous = await browser.GetAsync("/api/usage/current", Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        await SampleFlows.SignUpAsync(browser, "grace@example.com");
        var freePage = await browser.GetStringAsync("/billing/usage", Ct);
        Assert.Contains("id=\"no-meters\"", freePage, StringComparison.Ordinal);
        Assert.Contains("href=\"/pricing#plan-api\"", freePage, StringComparison.Ordinal);
        using (var denied = await browser.GetAsync("/api/demo/metered", Ct))
        {
            // A Free user is refused, and a refused call is not billed.
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        await SampleFlows.BuyAsync(sample, browser, "api");

        // The first 200 (once the emulator's webhooks reached the sample) is a billed call like the others.
        var first = await SampleFlows.EventuallyAsync(browser, "/api/demo/metered", _ => true);
        Assert.Equal("api_calls", first.GetProperty("meter").GetString());
        const int calls = 25;
        for (var i = 1; i < calls; i++)
        {
            using var call = await browser.GetAsync("/api/demo/metered", Ct);
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }

        // Usage reaches the database on the next flush (every second).
        var current = await SampleFlows.EventuallyAsync(browser, "/api/usage/current", u => Meter(u).GetProperty("used").GetInt64() >= calls);
        Assert.Equal("api", current.GetProperty("plan").GetString());
        var meter = Meter(current);
        Assert.Equal(
            (calls, 10_000L, 10_000L - calls, 0L, 0L, "API calls", "calls"),
            (meter.GetProperty("used").GetInt64(), meter.GetProperty("included").GetInt64(), meter.GetProperty("remaining").GetInt64(),
             meter.GetProperty("overageQuantity").GetInt64(), meter.GetProperty("overageCost").GetInt64(),
             meter.GetProperty("name").GetString(), meter.GetProperty("unit").GetString()));
        Assert.Equal(JsonValueKind.Null, meter.GetProperty("alertLevel").ValueKind);

        var history = await browser.GetFromJsonAsync<JsonElement>("/api/usage/history?interval=hour&meter=api_calls", Ct);
        var points = history.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("meter").GetString() == "api_calls").GetProperty("points");
        // Every hour of the last day is a point, zeros included, so the page's chart draws the array as it is.
        var starts = points.EnumerateArray().Select(p => p.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.InRange(starts.Count, 24, 25);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(1), pair.Second - pair.First));
        Assert.Equal(calls, points.EnumerateArray().Sum(p => p.GetProperty("quantity").GetInt64()));

        var preview = await browser.GetFromJsonAsync<JsonElement>("/api/usage/invoice-preview", Ct);
        var line = preview.GetProperty("lines").EnumerateArray().Single();
        Assert.Equal(
            (4900L, "api_calls", (long)calls, 0L, 0L, 4900L),
            (preview.GetProperty("baseFee").GetInt64(), line.GetProperty("meter").GetString(), line.GetProperty("used").GetInt64(),
             line.GetProperty("billableQuantity").GetInt64(), line.GetProperty("amount").GetInt64(), preview.GetProperty("total").GetInt64()));

        var page = await browser.GetStringAsync("/billing/usage", Ct);
        Assert.Contains("data-meter=\"api_calls\"", page, StringComparison.Ordinal);
        Assert.Contains("data-usage-api=\"/api/usage\"", page, StringComparison.Ordinal);
        Assert.Contains("/usage.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"no-meters\"", page, StringComparison.Ordinal);
        using var script = await browser.GetAsync("/usage.js", Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    private static JsonElement Meter(JsonElement current) =>
        current.GetProperty("meters").EnumerateArray().Single(m => m.GetProperty("meter").GetString() == "api_calls");
}
