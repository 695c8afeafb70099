using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pages;

/// <summary>One answer of a hosted page: status, HTML, redirect target and the headers a browser would act on.</summary>
public sealed partial record Page(HttpStatusCode Status, string Html, string? Location, string? ContentType, string? ContentSecurityPolicy)
{
    /// <summary>The hidden <c>csrf</c> field of the page's forms.</summary>
    public string FormToken
    {
        get
        {
            var match = CsrfField().Match(Html);
            Assert.True(match.Success, "The page has no form token:\n" + Html);
            return match.Groups[1].Value;
        }
    }

    public static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Page(
            response.StatusCode,
            html,
            response.Headers.Location?.OriginalString,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.TryGetValues("Content-Security-Policy", out var csp) ? string.Join(",", csp) : null);
    }

    /// <summary>The first <c>href</c> of a link with <paramref name="cssClass"/>, HTML-decoded.</summary>
    public string Link(string cssClass)
    {
        var match = Regex.Match(Html, $"<a class=\"{Regex.Escape(cssClass)}\" href=\"([^\"]+)\"");
        Assert.True(match.Success, $"No '{cssClass}' link in:\n{Html}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
