using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolarBilling.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Test sign-in, two ways: <c>Authorization: Test {userId}</c> (a header credential, like a bearer token: no
/// antiforgery needed) or the cookie <c>test-user={userId}</c> (an ambient credential, like the sample's Identity
/// cookie: unsafe methods need an antiforgery token). The user gets NameIdentifier = id, Email = {id}@example.test
/// and Name = id. Nothing else signs anyone in, so a request without either is anonymous (401 on billing endpoints).
/// </summary>
public sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string CookieName = "test-user";

    public static string EmailOf(string userId) => $"{userId}@example.test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? userId = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith(SchemeName + " ", StringComparison.Ordinal))
        {
            userId = header[(SchemeName.Length + 1)..].Trim();
        }
        else if (Request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            userId = cookie;
        }

        if (string.IsNullOrWhiteSpace(userId))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Email, EmailOf(userId)), new Claim(ClaimTypes.Name, userId)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
