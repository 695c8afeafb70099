using System.Text;

namespace PolarBilling.Client.Webhooks;

public sealed partial class WebhookVerifier
{
    /// <summary>Verifies a delivery, reading the three headers through a lookup.</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="header">
    /// Returns a header's value by name, case-insensitively, or <see langword="null"/> when absent; for ASP.NET Core:
    /// <c>name =&gt; request.Headers[name]</c>.
    /// </param>
    /// <returns>The outcome; never throws for bad input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> is <see langword="null"/>.</exception>
    public WebhookVerificationResult Verify(ReadOnlySpan<byte> body, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return Verify(body, header(WebhookHeaderNames.Id), header(WebhookHeaderNames.Timestamp), header(WebhookHeaderNames.Signature));
    }

    /// <summary>Verifies a delivery, finding the three headers among name/value pairs (names compared case-insensitively).</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="headers">The request headers; the first non-empty value of each name is used.</param>
    /// <returns>The outcome; never throws for bad input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    public WebhookVerificationResult Verify(ReadOnlySpan<byte> body, IEnumerable<KeyValuePair<string, string>> headers) =>
        Verify(body, Lookup(headers));

    /// <summary>Verifies a delivery whose body is text (signed as UTF-8), reading the headers through a lookup.</summary>
    /// <inheritdoc cref="Verify(ReadOnlySpan{byte}, Func{string, string?})"/>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> or <paramref name="header"/> is <see langword="null"/>.</exception>
    public WebhookVerificationResult Verify(string body, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(Encoding.UTF8.GetBytes(body), header);
    }

    /// <summary>Verifies a delivery whose body is text (signed as UTF-8), finding the headers among name/value pairs.</summary>
    /// <inheritdoc cref="Verify(ReadOnlySpan{byte}, IEnumerable{KeyValuePair{string, string}})"/>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> or <paramref name="headers"/> is <see langword="null"/>.</exception>
    public WebhookVerificationResult Verify(string body, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(Encoding.UTF8.GetBytes(body), Lookup(headers));
    }

    private static Func<string, string?> Lookup(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return name => headers.FirstOrDefault(
            pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(pair.Value)).Value;
    }
}
