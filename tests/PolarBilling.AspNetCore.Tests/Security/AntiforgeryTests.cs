using System.Net;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Security;

/// <summary>Cookie-authenticated changes need the antiforgery header; header-authenticated ones (bearer) do not.</summary>
public sealed class AntiforgeryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_authenticated_change_without_the_token_is_400_and_with_it_succeeds()
    {
        await using var app = await BillingTestApp.StartAsync();
        var forged = await app.CookieClientForAsync("xena", withAntiforgeryToken: false);
        using (var refused = await forged.PostJsonAsync("/api/billing/checkout", new { plan = "pro" }))
        {
            Assert.Equal("Missing or invalid antiforgery token.", (await refused.ReadJsonAsync(HttpStatusCode.BadRequest)).Str("title"));
        }

        using (var cancel = await forged.DeleteAsync("/api/billing/subscription/cancel", Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, cancel.StatusCode);
        }

        Assert.Empty((await app.Polar.Checkouts.ListAsync(cancellationToken: Ct)).Items);

        // Reads need no token.
        using (var read = await forged.GetAsync("/api/billing/subscription", Ct))
        {
            await read.ReadJsonAsync();
        }

        var page = await app.CookieClientForAsync("xena");
        using var allowed = await page.PostJsonAsync("/api/billing/checkout", new { plan = "pro" });
        await allowed.ReadJsonAsync();
    }

    [Fact]
    public async Task Another_users_token_does_not_pass()
    {
        await using var app = await BillingTestApp.StartAsync();
        var yara = await app.CookieClientForAsync("yara");
        var token = yara.DefaultRequestHeaders.GetValues("RequestVerificationToken").Single();
        var zack = await app.CookieClientForAsync("zack", withAntiforgeryToken: false);
        zack.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        using var response = await zack.PostJsonAsync("/api/billing/checkout", new { plan = "pro" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
