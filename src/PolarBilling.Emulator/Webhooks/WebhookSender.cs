using System.Net.Http.Headers;
using System.Text;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// Makes one delivery attempt the way Polar's <c>webhook_event.send</c> does: <c>POST</c> of the stored payload with
/// <c>user-agent: polar.sh webhooks</c>, <c>content-type: application/json</c> and the Standard Webhooks headers
/// signed at this moment (real time), a timeout, no redirects followed, anything but 2xx a failure.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    private const int ResponseLimit = 2048;

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    // The signer of the last secret used: every attempt to an endpoint signs with the same key until its secret is reset.
    private volatile CachedSigner? _signer;

    // The URL of the last endpoint sent to, parsed.
    private volatile CachedUri? _uri;

    /// <summary>Sends <paramref name="attempt"/>; never throws for the endpoint's faults, only when <paramref name="stopping"/> or the attempt's own cancellation fires.</summary>
    public async Task<WebhookAttemptOutcome> SendAsync(WebhookAttempt attempt, TimeSpan timeout, CancellationToken stopping)
    {
        // One token for abandoning and for the timeout: which of them fired is told apart by the two sources.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, attempt.Cancellation);
        linked.CancelAfter(timeout);
        try
        {
            using var request = Build(attempt);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var text = await ReadResponseAsync(response, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return new WebhookAttemptOutcome(status is >= 200 and < 300, status, text);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested && !stopping.IsCancellationRequested && !attempt.Cancellation.IsCancellationRequested)
        {
            // httpx's timeout error reads "timed out"; Polar stores str(error) as the response.
            return new WebhookAttemptOutcome(false, null, "timed out");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return new WebhookAttemptOutcome(false, null, ex.Message);
        }
        catch (ArgumentException ex)
        {
            // A URL or secret that cannot be used (e.g. from an edited state import) fails the attempt, as in Polar.
            return new WebhookAttemptOutcome(false, null, ex.Message);
        }
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Build(WebhookAttempt attempt)
    {
        // The stored UTF-8 payload is the body as it is: nothing is encoded or copied per attempt.
        var signed = SignerFor(attempt.Secret, attempt.KeyScheme).Sign(attempt.EventId, attempt.Payload.Span);
        var request = new HttpRequestMessage(HttpMethod.Post, UriFor(attempt.Url)) { Content = new ReadOnlyMemoryContent(attempt.Payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("user-agent", "polar.sh webhooks");
        request.Headers.TryAddWithoutValidation(WebhookHeaderNames.Id, signed.Id);
        request.Headers.TryAddWithoutValidation(WebhookHeaderNames.Timestamp, signed.Timestamp);
        request.Headers.TryAddWithoutValidation(WebhookHeaderNames.Signature, signed.Signature);
        request.Headers.TryAddWithoutValidation("webhook-api-version", attempt.ApiVersion);
        return request;
    }

    private Uri UriFor(string url)
    {
        // Parsed once per endpoint URL, not per attempt (a Uri is immutable, so attempts on any thread share it).
        if (_uri is { } cached && string.Equals(cached.Text, url, StringComparison.Ordinal))
        {
            return cached.Uri;
        }

        var uri = new Uri(url, UriKind.RelativeOrAbsolute); // as HttpRequestMessage parses a string
        _uri = new CachedUri(url, uri);
        return uri;
    }

    private WebhookSigner SignerFor(string secret, WebhookKeyScheme keyScheme)
    {
        if (_signer is { } cached && cached.KeyScheme == keyScheme && string.Equals(cached.Secret, secret, StringComparison.Ordinal))
        {
            return cached.Signer;
        }

        var signer = new WebhookSigner(secret, keyScheme, TimeProvider.System);
        _signer = new CachedSigner(secret, keyScheme, signer);
        return signer;
    }

    /// <summary>Polar keeps <c>response.text</c> without NUL characters, cut to 2048 characters; empty is null.</summary>
    private static async Task<string?> ReadResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            return null; // the usual 2xx: nothing to read, nothing to allocate
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        var buffer = new char[ResponseLimit];
        var text = new System.Text.StringBuilder();
        while (text.Length < ResponseLimit)
        {
            var read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            text.Append(buffer, 0, read).Replace("\0", string.Empty, 0, text.Length);
        }

        return text.Length == 0 ? null : text.ToString(0, Math.Min(text.Length, ResponseLimit));
    }

    private sealed record CachedUri(string Text, Uri Uri);

    private sealed record CachedSigner(string Secret, WebhookKeyScheme KeyScheme, WebhookSigner Signer);
}
