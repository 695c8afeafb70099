using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Polly;
using Polly.Timeout;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Client.Internal;

/// <summary>
/// Sends one Polar call: builds the request (auth, version, organization), runs it through the retry pipeline
/// under the call's deadline, and maps failures to typed exceptions. Every service goes through here.
/// </summary>
internal sealed class PolarTransport
{
    private static readonly string ClientVersion = typeof(PolarTransport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly Func<HttpClient> _httpClient;
    private readonly PolarClientOptions _options;
    private readonly Uri _baseAddress;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly string _userAgent;
    private readonly TimeProvider _time;

    public PolarTransport(Func<HttpClient> httpClient, PolarClientOptions options, TimeProvider time)
    {
        _httpClient = httpClient;
        _options = options;
        _time = time;
        _baseAddress = options.ResolveBaseAddress();
        _pipeline = PolarRetryPipeline.Create(options, time);
        _userAgent = $"PolarBilling.Client/{ClientVersion}" + (options.UserAgentSuffix is { Length: > 0 } suffix ? " " + suffix : string.Empty);
    }

    public Uri BaseAddress => _baseAddress;

    /// <summary>GET a JSON object.</summary>
    public Task<T> GetAsync<T>(string path, PolarQuery? query, PolarRequestOptions? options, CancellationToken cancellationToken, bool authenticated = true) =>
        SendAsync<T>(HttpMethod.Get, path, query, content: null, RetryMode.Safe, options, authenticated, cancellationToken);

    /// <summary>
    /// GET a JSON object that Polar may not have ready yet: a 202 or 204 answer (or an empty body) gives
    /// <see langword="null"/> instead of an error, e.g. an order receipt still being rendered.
    /// </summary>
    public async Task<T?> GetOptionalAsync<T>(string path, PolarQuery? query, PolarRequestOptions? options, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, query, content: null, RetryMode.Safe, options, authenticated: true, cancellationToken)
            .ConfigureAwait(false);
        return response.StatusCode is System.Net.HttpStatusCode.Accepted or System.Net.HttpStatusCode.NoContent
            ? null
            : await ReadJsonAsync<T>(response, HttpMethod.Get, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Send a JSON body and read a JSON answer.</summary>
    public Task<TResponse> SendAsync<TBody, TResponse>(
        HttpMethod method, string path, TBody body, RetryMode mode, PolarRequestOptions? options, CancellationToken cancellationToken,
        PolarQuery? query = null, bool authenticated = true)
    {
        ArgumentNullException.ThrowIfNull(body);
        var content = JsonSerializer.SerializeToUtf8Bytes(body, PolarJson.TypeInfo<TBody>());
        return SendAsync<TResponse>(method, path, query, content, mode, options, authenticated, cancellationToken);
    }

    /// <summary>Send without a body and read a JSON answer (e.g. POST …/redeliver, GET …/invoice).</summary>
    public Task<TResponse> SendAsync<TResponse>(
        HttpMethod method, string path, RetryMode mode, PolarRequestOptions? options, CancellationToken cancellationToken, PolarQuery? query = null) =>
        SendAsync<TResponse>(method, path, query, content: null, mode, options, authenticated: true, cancellationToken);

    /// <summary>Send a call whose success answer has no body we need (204, 202).</summary>
    public async Task SendWithoutResultAsync(
        HttpMethod method, string path, PolarQuery? query, RetryMode mode, PolarRequestOptions? options, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, query, content: null, mode, options, authenticated: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of a list.</summary>
    public Task<PolarList<T>> ListAsync<T>(string path, ListOptions? list, PolarRequestOptions? options, CancellationToken cancellationToken)
    {
        var query = new PolarQuery();
        list?.AddTo(query);
        return GetAsync<PolarList<T>>(path, query, options, cancellationToken);
    }

    /// <summary>Every object of a list, page after page, until <c>max_page</c> (or <c>has_next_page</c> is false).</summary>
    public async IAsyncEnumerable<T> ListAllAsync<T>(
        string path, ListOptions? list, PolarRequestOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = list?.Page ?? 1;
        while (true)
        {
            var query = new PolarQuery();
            (list ?? new ListOptions()).AddTo(query, page);
            var result = await GetAsync<PolarList<T>>(path, query, options, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items)
            {
                yield return item;
            }

            var more = result.Pagination.HasNextPage ?? (result.Pagination.MaxPage is { } maxPage && page < maxPage);
            if (!more || result.Items.Count == 0)
            {
                yield break;
            }

            page++;
        }
    }

    private async Task<T> SendAsync<T>(
        HttpMethod method, string path, PolarQuery? query, byte[]? content, RetryMode mode, PolarRequestOptions? options,
        bool authenticated, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, query, content, mode, options, authenticated, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<T>(response, method, path, cancellationToken).ConfigureAwait(false)
            ?? throw new PolarException($"Polar answered {CallName(method, path)} with no {typeof(T).Name} (an empty body or JSON null).");
    }

    /// <summary>Reads a success body; <see langword="default"/> for an empty body or JSON null.</summary>
    private static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(body, PolarJson.TypeInfo<T>());
        }
        catch (JsonException ex)
        {
            throw new PolarException($"Polar's answer to {CallName(method, path)} could not be read as {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method, string path, PolarQuery? query, byte[]? content, RetryMode mode, PolarRequestOptions? options,
        bool authenticated, CancellationToken cancellationToken)
    {
        var call = CallName(method, path);
        var token = options?.AccessToken ?? _options.AccessToken;
        if (authenticated && string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException(
                $"Cannot call {call}: no Polar access token. Set PolarClientOptions.AccessToken (Polar:AccessToken or POLAR_ACCESS_TOKEN) or pass PolarRequestOptions.AccessToken.");
        }

        var timeout = options?.Timeout ?? _options.Timeout;
        var uri = new Uri(_baseAddress, path + query);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var context = ResilienceContextPool.Shared.Get(linked.Token);
        context.Properties.Set(PolarRetryPipeline.ModeKey, mode);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Self.AttemptAsync(state.Method, state.Uri, state.Content, state.Token, state.Options, ctx.CancellationToken)),
                context,
                (Self: this, Method: method, Uri: uri, Content: content, Token: authenticated ? token : null, Options: options)).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PolarTimeoutException(TimeoutMessage(call, timeout, mode), timeout, ex);
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken != cancellationToken)
        {
            // The caller canceled, but the exception carries our linked token; callers match on their own
            // (catch (OperationCanceledException e) when (e.CancellationToken == token)), so hand theirs back.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new PolarTimeoutException(TimeoutMessage(call, _options.AttemptTimeout, mode), _options.AttemptTimeout, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new PolarConnectionException($"Could not reach Polar at {_baseAddress.Host} for {call}: {ex.Message}", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await PolarErrorReader.ReadAsync(call, response, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    private Task<HttpResponseMessage> AttemptAsync(
        HttpMethod method, Uri uri, byte[]? content, string? token, PolarRequestOptions? options, CancellationToken cancellationToken)
    {
        // A fresh message per attempt: a sent HttpRequestMessage cannot be sent again.
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.ParseAdd(_userAgent);
        request.Headers.TryAddWithoutValidation("Polar-Version", options?.ApiVersion ?? _options.ApiVersion);
        var organization = options?.OrganizationId ?? _options.OrganizationId;
        if (!string.IsNullOrEmpty(organization))
        {
            request.Headers.TryAddWithoutValidation("Polar-Organization", organization);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return _httpClient().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>How messages name a call, e.g. <c>GET /v1/products/</c>: the same in every exception.</summary>
    private static string CallName(HttpMethod method, string path) => $"{method} /{path}";

    private static string TimeoutMessage(string call, TimeSpan timeout, RetryMode mode) =>
        $"Polar did not answer {call} within {timeout.TotalSeconds:0.###} s." +
        (mode == RetryMode.MoneyMoving ? " The write may still have been applied: look it up before trying again." : string.Empty);
}
