using System.Text;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// Polar's <c>success_url</c> rule (server <c>models/checkout.py</c>): <c>url.format(CHECKOUT_ID=checkout.id)</c>,
/// i.e. the literal <c>{CHECKOUT_ID}</c> becomes the checkout id and <c>{{</c>/<c>}}</c> become braces; a URL with
/// any other placeholder makes Python raise <c>KeyError</c>, and Polar then keeps the URL exactly as given.
/// </summary>
internal static class SuccessUrls
{
    public const string Placeholder = "{CHECKOUT_ID}";

    public static string Format(string url, string checkoutId)
    {
        var result = new StringBuilder(url.Length + checkoutId.Length);
        for (var i = 0; i < url.Length; i++)
        {
            if (url.AsSpan(i).StartsWith("{{") || url.AsSpan(i).StartsWith("}}"))
            {
                result.Append(url[i]);
                i++;
            }
            else if (url.AsSpan(i).StartsWith(Placeholder))
            {
                result.Append(checkoutId);
                i += Placeholder.Length - 1;
            }
            else if (url[i] is '{' or '}')
            {
                return url;
            }
            else
            {
                result.Append(url[i]);
            }
        }

        return result.ToString();
    }
}
