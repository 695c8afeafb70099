using System.Text.Json.Nodes;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// Checks an endpoint URL as Polar's <c>EndpointURL</c> does (stripped, absolute, with a host). Deliberate difference:
/// Polar accepts only <c>https</c> and rejects localhost; the emulator accepts <c>http</c> and loopback hosts too,
/// because the receivers it delivers to in tests and development run locally.
/// </summary>
internal static class WebhookUrl
{
    /// <exception cref="EmulatorProblem">422 at <c>body.url</c> in pydantic's words.</exception>
    public static string Check(string url)
    {
        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed) || parsed.Host.Length == 0)
        {
            throw Problems.Validation(new ValidationIssue("url_parsing", ["body", "url"], "Input should be a valid URL, relative URL without a base", JsonValue.Create(url)));
        }

        if (parsed.Scheme is not ("http" or "https"))
        {
            throw Problems.Validation(new ValidationIssue("url_scheme", ["body", "url"], "URL scheme should be 'http' or 'https'", JsonValue.Create(url)));
        }

        // pydantic's AnyUrl serializes a bare host with a trailing slash: https://example.com -> https://example.com/
        return parsed.AbsolutePath == "/" && !trimmed.EndsWith('/') && parsed.Query.Length == 0 && parsed.Fragment.Length == 0 ? trimmed + "/" : trimmed;
    }
}
