using Microsoft.AspNetCore.Http;

namespace PolarBilling.AspNetCore.Security;

/// <summary>
/// Where billing may send a browser: a relative path (made absolute on the request's origin), the request's own
/// origin, or one of <see cref="PolarBillingOptions.AllowedRedirectOrigins"/>. Everything else is refused, including
/// protocol-relative (<c>//evil.com</c>), backslash (<c>/\evil.com</c>), user-info (<c>https://app@evil.com</c>) and
/// non-HTTP (<c>javascript:</c>) forms. Placeholders such as <c>{CHECKOUT_ID}</c> are kept as they are.
/// </summary>
internal static class RedirectUrlPolicy
{
    /// <summary>The absolute URL to hand to Polar, or <see langword="null"/> when <paramref name="url"/> is not allowed.</summary>
    public static string? Resolve(string url, HttpRequest request, IEnumerable<string> allowedOrigins)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2048 || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\'))
        {
            return null;
        }

        var origin = $"{request.Scheme}://{request.Host.ToUriComponent()}";
        if (url[0] == '/')
        {
            // "//host" and "/\host" are absolute to browsers; backslashes are refused above.
            return url.Length > 1 && url[1] == '/' ? null : origin + request.PathBase.ToUriComponent() + url;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0)
        {
            return null;
        }

        var target = uri.GetLeftPart(UriPartial.Authority);
        return SameOrigin(target, origin) || allowedOrigins.Any(o => SameOrigin(target, o)) ? url : null;
    }

    private static bool SameOrigin(string target, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var o) && string.Equals(target, o.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
