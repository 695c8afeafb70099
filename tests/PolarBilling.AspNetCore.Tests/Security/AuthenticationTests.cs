using System.Net;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Security;

/// <summary>Every billing endpoint rejects anonymous calls; only the webhook receiver is anonymous (and signature-checked).</summary>
public sealed class AuthenticationTests
{
    private static readonly (string Method, string Path)[] BillingEndpoints =
    [
        ("POST", "/api/billing/checkout"),
        ("GET", "/api/billing/checkout/chk_1/confirm"),
        ("GET", "/api/billing/portal"),
        ("GET", "/api/billing/subscription"),
        ("PUT", "/api/billing/subscription/upgrade"),
        ("PUT", "/api/billing/subscription/downgrade"),
        ("DELETE", "/api/billing/subscription/cancel"),
        ("POST", "/api/billing/subscription/resume"),
        ("GET", "/api/billing/orders"),
        ("GET", "/api/billing/orders/ord_1/invoice"),
        ("GET", "/api/billing/antiforgery"),
    ];

    [Fact]
    public async Task Anonymous_calls_to_every_billing_endpoint_are_401_and_reach_nothing()
    {
        await using var app = await BillingTestApp.StartAsync();
        foreach (var (method, path) in BillingEndpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method is "GET" or "DELETE" ? null : new StringContent("""{"plan":"pro"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            using var response = await app.AnonymousClient().SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
        }

        Assert.Empty((await app.Polar.Checkouts.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
    }

    [Fact]
    public async Task A_route_prefix_moves_every_endpoint()
    {
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions { Configure = o => o.RoutePrefix = "/billing-api" });
        using var moved = await app.ClientFor("uma").GetAsync("/billing-api/billing/subscription", TestContext.Current.CancellationToken);
        Assert.Equal("free", (await moved.ReadJsonAsync()).Str("plan"));
        using var old = await app.ClientFor("uma").GetAsync("/api/billing/subscription", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }
}
