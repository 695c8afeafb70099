using System.Net;
using System.Text.Json;

namespace PolarBilling.Client.Internal;

/// <summary>Turns a Polar error response into the matching typed exception with a message a person can act on.</summary>
internal static class PolarErrorReader
{
    private const int MaxBodyChars = 16_384;

    public static async Task<PolarApiException> ReadAsync(string call, HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        string? body = null;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length > MaxBodyChars)
            {
                body = body[..MaxBodyChars];
            }
        }
        catch (HttpRequestException)
        {
            // The status alone still tells what happened.
        }

        var (error, detail, errors) = Parse(body);
        var status = response.StatusCode;
        var code = (int)status;
        return status switch
        {
            HttpStatusCode.NotFound => new PolarNotFoundException(
                $"Polar found nothing for {call} (404{Suffix(error)}): {detail ?? "Not found"}.", error, detail, body),
            HttpStatusCode.UnprocessableEntity => new PolarValidationException(
                $"Polar rejected {call} (422{Suffix(error)}): {(errors.Count > 0 ? string.Join("; ", errors) : detail ?? "validation failed")}.",
                error, errors, body),
            HttpStatusCode.Unauthorized => new PolarAuthenticationException(
                $"Polar refused the access token for {call} (401{Suffix(error)}): {detail ?? "unauthorized"}. " +
                "Check Polar:AccessToken (POLAR_ACCESS_TOKEN) and that it was issued for the same server (production or sandbox).",
                error, detail, body),
            HttpStatusCode.Forbidden => new PolarPermissionException(
                $"Polar did not permit {call} (403{Suffix(error)}): {detail ?? "forbidden"}.", error, detail, body),
            HttpStatusCode.PaymentRequired => new PolarPaymentFailedException(
                $"Polar could not charge the customer for {call} (402{Suffix(error)}): {detail ?? "payment failed"}. Nothing was changed; the customer must update their payment method.",
                error, detail, body),
            HttpStatusCode.Conflict => new PolarConflictException(
                $"Polar reported a conflict for {call} (409{Suffix(error)}): {detail ?? "conflict"}.", error, detail, body),
            HttpStatusCode.TooManyRequests => RateLimited(call, RetryAfter(response, time), body),
            _ when code >= 500 => new PolarServerException(
                $"Polar failed on {call} ({code}{Suffix(error)}): {detail ?? response.ReasonPhrase ?? "server error"}.", status, error, detail, body),
            _ => new PolarApiException(
                $"Polar answered {code}{Suffix(error)} to {call}: {detail ?? response.ReasonPhrase ?? "error"}.", status, error, detail, body),
        };
    }

    /// <summary>The wait a <c>Retry-After</c> header asks for (seconds or an HTTP date), if any.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static PolarRateLimitException RateLimited(string call, TimeSpan? retryAfter, string? body) => new(
        $"Polar rate-limited {call} (429){(retryAfter is { } wait ? $"; it asked to wait {wait.TotalSeconds:0.#} s" : string.Empty)}. " +
        "Polar allows 500 requests per minute per organization in production and 100 in sandbox.",
        retryAfter, body);

    private static string Suffix(string? error) => error is null ? string.Empty : " " + error;

    private static (string? Error, string? Detail, List<PolarValidationError> Errors) Parse(string? body)
    {
        var errors = new List<PolarValidationError>();
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, errors);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, errors);
            }

            var error = Text(root, "error");
            var detail = Text(root, "detail") ?? Text(root, "error_description");
            if (root.TryGetProperty("detail", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    errors.Add(ReadError(item));
                }
            }

            return (error, detail, errors);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): keep the raw body for the exception.
            return (null, null, errors);
        }
    }

    private static PolarValidationError ReadError(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new PolarValidationError("unknown", [], item.ToString(), null);
        }

        var location = new List<string>();
        if (item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
        {
            location.AddRange(loc.EnumerateArray().Select(part => part.ValueKind == JsonValueKind.String ? part.GetString()! : part.GetRawText()));
        }

        var input = item.TryGetProperty("input", out var raw) ? raw.GetRawText() : null;
        return new PolarValidationError(Text(item, "type") ?? "unknown", location, Text(item, "msg") ?? "invalid", input);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
