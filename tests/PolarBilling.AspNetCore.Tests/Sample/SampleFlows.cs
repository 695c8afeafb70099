using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Sample;

/// <summary>What a visitor does in the sample, step by step, through its real pages and APIs.</summary>
internal static partial class SampleFlows
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Registers through <c>/identity/register</c> and signs in with a cookie.</summary>
    public static async Task SignUpAsync(HttpClient browser, string email)
    {
        using (var register = await browser.PostAsJsonAsync("/identity/register", new { email, password = "Passw0rd!" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        }

        using var login = await browser.PostAsJsonAsync("/identity/login?useCookies=true", new { email, password = "Passw0rd!" }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    /// <summary>Starts a checkout of <paramref name="plan"/> from the pricing page and pays it on the emulator with a good card.</summary>
    /// <returns>The checkout id.</returns>
    public static async Task<string> BuyAsync(SaasStarterHost sample, HttpClient browser, string plan)
    {
        var pricing = await browser.GetStringAsync("/pricing", Ct);
        Assert.Contains($"data-plan=\"{plan}\"", pricing, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/billing/checkout") { Content = JsonContent.Create(new { plan }) };
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryMeta().Match(pricing).Groups[1].Value));
        using var response = await browser.SendAsync(request, Ct);
        var checkout = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, checkout.ToString());
        var checkoutId = checkout.GetProperty("checkoutId").GetString()!;

        using var polar = new HttpClient { BaseAddress = sample.EmulatorUrl };
        using var paid = await polar.PostAsJsonAsync($"/emulator/checkouts/{checkoutId}/complete", new { card = "4242424242424242" }, Ct);
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync(Ct));
        return checkoutId;
    }

    /// <summary>Polls <paramref name="path"/> until <paramref name="done"/> holds for its JSON, or fails after <paramref name="seconds"/>.</summary>
    public static async Task<JsonElement> EventuallyAsync(HttpClient browser, string path, Func<JsonElement, bool> done, int seconds = 30)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(seconds);
        while (true)
        {
            using var response = await browser.GetAsync(path, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode == HttpStatusCode.OK && JsonSerializer.Deserialize<JsonElement>(body) is var json && done(json))
            {
                return json;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"{path} did not get there within {seconds} s; last answer: {(int)response.StatusCode} {body}");
            await Task.Delay(200, Ct);
        }
    }

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryMeta();
}
