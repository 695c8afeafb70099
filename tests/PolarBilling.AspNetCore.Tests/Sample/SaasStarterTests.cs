using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Sample;

/// <summary>
/// The sample as a user meets it: no keys, so it runs on its embedded emulator; sign up through <c>/identity</c>, start
/// a Pro trial, pay on the emulator, and the gated demo endpoints follow the plan.
/// </summary>
public sealed partial class SaasStarterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_user_is_free_then_a_paid_pro_checkout_opens_the_pro_endpoint_but_not_the_enterprise_one()
    {
        await using var sample = await SaasStarterHost.StartAsync(Ct);
        Assert.True(File.Exists(Path.Combine(sample.Folder, "identity.db")), "Identity should live in the configured SQLite file.");
        using var browser = sample.CreateBrowser();

        using (var register = await browser.PostAsJsonAsync("/identity/register", new { email = "ada@example.com", password = "Passw0rd!" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        }

        using (var login = await browser.PostAsJsonAsync("/identity/login?useCookies=true", new { email = "ada@example.com", password = "Passw0rd!" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        var subscription = await browser.GetFromJsonAsync<JsonElement>("/api/billing/subscription", Ct);
        Assert.Equal("free", subscription.GetProperty("plan").GetString());
        using (var denied = await browser.GetAsync("/api/demo/pro", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        // The pricing page hands the page's scripts the antiforgery token the billing API wants with the cookie.
        var pricing = await browser.GetStringAsync("/pricing", Ct);
        Assert.Contains("data-plan=\"pro\"", pricing, StringComparison.Ordinal);
        var token = AntiforgeryMeta().Match(pricing).Groups[1].Value;
        using var checkoutRequest = new HttpRequestMessage(HttpMethod.Post, "/api/billing/checkout") { Content = JsonContent.Create(new { plan = "pro" }) };
        checkoutRequest.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token));
        using var checkoutResponse = await browser.SendAsync(checkoutRequest, Ct);
        var checkout = await checkoutResponse.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(checkoutResponse.IsSuccessStatusCode, checkout.ToString());
        var checkoutId = checkout.GetProperty("checkoutId").GetString()!;
        Assert.StartsWith(sample.EmulatorUrl.ToString(), checkout.GetProperty("url").GetString(), StringComparison.Ordinal);

        using var polar = new HttpClient { BaseAddress = sample.EmulatorUrl };
        using (var paid = await polar.PostAsJsonAsync($"/emulator/checkouts/{checkoutId}/complete", new { card = "4242424242424242" }, Ct))
        {
            Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync(Ct));
        }

        // Only the emulator's signed webhooks, received by the sample, can open the gate here.
        var pro = await EventuallyOkAsync(browser, "/api/demo/pro");
        Assert.Equal(("pro", "trialing"), (pro.GetProperty("plan").GetString(), pro.GetProperty("status").GetString()));
        using (var enterprise = await browser.GetAsync("/api/demo/enterprise", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, enterprise.StatusCode);
            var problem = await enterprise.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("enterprise", problem.GetProperty("requiredPlan").GetString());
        }

        var confirmed = await browser.GetFromJsonAsync<JsonElement>($"/api/billing/checkout/{checkoutId}/confirm", Ct);
        Assert.Equal("pro", confirmed.GetProperty("plan").GetString());
        var billingPage = await browser.GetStringAsync("/billing", Ct);
        Assert.Contains("trialing", billingPage, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> EventuallyOkAsync(HttpClient browser, string path)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(20);
        while (true)
        {
            using var response = await browser.GetAsync(path, Ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"{path} still answers {(int)response.StatusCode} 20 s after the payment.");
            await Task.Delay(100, Ct);
        }
    }

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryMeta();
}
