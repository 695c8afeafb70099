using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PolarBilling.AspNetCore.Tests.Infrastructure;

public sealed partial class BillingTestApp
{
    /// <summary>An HTTP client signed in as <paramref name="userId"/> with a header credential (<c>Authorization: Test {userId}</c>); no redirects followed.</summary>
    public HttpClient ClientFor(string userId)
    {
        var client = Track(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(TestAuthentication.SchemeName, userId);
        return client;
    }

    /// <summary>An HTTP client signed in by nobody.</summary>
    public HttpClient AnonymousClient() =>
        Track(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress });

    /// <summary>
    /// A browser-like client signed in as <paramref name="userId"/> by cookie (<c>test-user</c>), with a cookie jar.
    /// With <paramref name="withAntiforgeryToken"/> it first calls <c>GET {prefix}/billing/antiforgery</c> and sends
    /// the token header on every request, as the sample's pages do.
    /// </summary>
    public async Task<HttpClient> CookieClientForAsync(string userId, bool withAntiforgeryToken = true, string prefix = "/api")
    {
        var cookies = new CookieContainer();
        cookies.Add(BaseAddress, new Cookie(TestAuthentication.CookieName, userId));
        var client = Track(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = BaseAddress });
        if (withAntiforgeryToken)
        {
            using var token = await client.GetFromJsonAsync<JsonDocument>($"{prefix.TrimEnd('/')}/billing/antiforgery", Ct)
                ?? throw new InvalidOperationException("No antiforgery token.");
            client.DefaultRequestHeaders.Add(token.RootElement.GetProperty("headerName").GetString()!, token.RootElement.GetProperty("token").GetString());
        }

        return client;
    }

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }
}
