namespace PolarBilling.Client;

/// <summary>
/// Builds a checkout <c>success_url</c> that carries the checkout id back to your app. Polar replaces the literal
/// <see cref="CheckoutIdPlaceholder"/> with the session id when it redirects; URL builders such as <see cref="UriBuilder"/>
/// or <c>QueryHelpers</c> escape the braces (<c>%7BCHECKOUT_ID%7D</c>), which Polar then leaves alone.
/// </summary>
public static class CheckoutSuccessUrl
{
    /// <summary>The placeholder Polar replaces with the checkout id: <c>{CHECKOUT_ID}</c>.</summary>
    public const string CheckoutIdPlaceholder = "{CHECKOUT_ID}";

    /// <summary>
    /// Appends <c>checkout_id={CHECKOUT_ID}</c> to <paramref name="url"/>'s query, braces unescaped, keeping any query
    /// and fragment it already has.
    /// </summary>
    /// <param name="url">An absolute http(s) URL of your success page, e.g. <c>https://app.example.com/billing/success</c>.</param>
    /// <param name="parameterName">The query parameter name; default <c>checkout_id</c>.</param>
    /// <returns>E.g. <c>https://app.example.com/billing/success?checkout_id={CHECKOUT_ID}</c>.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="url"/> is empty or not an absolute http(s) URL, or <paramref name="parameterName"/> is empty.
    /// </exception>
    public static string WithCheckoutId(string url, string parameterName = "checkout_id")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterName);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL; Polar redirects the customer there after paying.", nameof(url));
        }

        var fragmentStart = url.IndexOf('#', StringComparison.Ordinal);
        var beforeFragment = fragmentStart < 0 ? url : url[..fragmentStart];
        var fragment = fragmentStart < 0 ? string.Empty : url[fragmentStart..];
        var separator = !beforeFragment.Contains('?', StringComparison.Ordinal) ? "?"
            : beforeFragment.EndsWith('?') || beforeFragment.EndsWith('&') ? string.Empty
            : "&";
        return beforeFragment + separator + Uri.EscapeDataString(parameterName) + "=" + CheckoutIdPlaceholder + fragment;
    }
}
