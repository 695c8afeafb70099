using System.Net;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Security;

/// <summary>Success and return URLs: relative, same origin or an allowed origin; open-redirect tricks are 400 and create no checkout.</summary>
public sealed class RedirectUrlTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_redirect_attempts_are_refused_before_anything_reaches_polar()
    {
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions { Configure = o => o.AllowedRedirectOrigins.Add("https://app.example.com") });
        string[] attempts =
        [
            "https://evil.com/billing/success",
            "//evil.com/billing/success",
            "/\\evil.com",
            "\\\\evil.com",
            "javascript:alert(1)",
            "data:text/html,hi",
            "https://app.example.com@evil.com/",
            "https://app.example.com.evil.com/",
            "http://app.example.com/",
            "ftp://app.example.com/",
            "billing/success",
            "/billing/success\r\nLocation: https://evil.com",
            " https://evil.com",
        ];
        foreach (var url in attempts)
        {
            using var response = await app.ClientFor("vera").PostJsonAsync("/api/billing/checkout", new { plan = "pro", successUrl = url });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"'{url}' answered {(int)response.StatusCode}");
        }

        using var portal = await app.ClientFor("vera").GetAsync("/api/billing/portal?returnUrl=https%3A%2F%2Fevil.com", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, portal.StatusCode);
        Assert.Empty((await app.Polar.Checkouts.ListAsync(cancellationToken: Ct)).Items);
    }

    [Theory]
    [InlineData("/welcome?checkout={CHECKOUT_ID}", "{app}welcome?checkout={CHECKOUT_ID}")]
    [InlineData("https://app.example.com/done?id={CHECKOUT_ID}", "https://app.example.com/done?id={CHECKOUT_ID}")]
    [InlineData("{app}same-origin", "{app}same-origin")]
    public async Task Relative_same_origin_and_allowed_urls_are_kept_with_the_placeholder_polar_fills_in(string requested, string expected)
    {
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions { Configure = o => o.AllowedRedirectOrigins.Add("https://app.example.com") });
        using var response = await app.ClientFor("walt").PostJsonAsync("/api/billing/checkout", new { plan = "pro", successUrl = requested.Replace("{app}", app.BaseAddress.ToString()) });
        var checkoutId = (await response.ReadJsonAsync()).Str("checkoutId")!;
        var checkout = await app.Polar.Checkouts.GetAsync(checkoutId, cancellationToken: Ct);
        Assert.Equal(expected.Replace("{app}", app.BaseAddress.ToString()).Replace("{CHECKOUT_ID}", checkoutId), checkout.SuccessUrl);
    }
}
