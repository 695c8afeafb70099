using System.Text;

using PolarBilling.Emulator.Contract;

namespace PolarBilling.Client.Tests.Infrastructure;

/// <summary>One request <see cref="LoopbackPolarServer"/> received, exactly as it arrived.</summary>
internal sealed class RecordedRequest
{
    public RecordedRequest(
        string method, string path, string queryString, IReadOnlyList<KeyValuePair<string, string>> query,
        IReadOnlyDictionary<string, string> headers, byte[] body, TimeSpan receivedAt)
    {
        Method = method;
        Path = path;
        QueryString = queryString;
        Query = query;
        Headers = headers;
        Body = body;
        ReceivedAt = receivedAt;
    }

    /// <summary>Upper-case method, e.g. <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The path without the query, e.g. <c>/v1/products/</c>.</summary>
    public string Path { get; }

    /// <summary>The raw query string including <c>?</c>, or empty.</summary>
    public string QueryString { get; }

    /// <summary>Decoded query pairs in the order sent; repeated keys (<c>sorting</c>) appear once per value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>Request headers, names case-insensitive, repeated values joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The raw body bytes; empty when there was none.</summary>
    public byte[] Body { get; }

    /// <summary>The body as UTF-8 text, or <see langword="null"/> when there was none.</summary>
    public string? BodyText => Body.Length == 0 ? null : Encoding.UTF8.GetString(Body);

    /// <summary>When it arrived, measured from the server's start (a monotonic clock, for timing retries).</summary>
    public TimeSpan ReceivedAt { get; }

    /// <summary>A header's value, or <see langword="null"/> when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Every value of a query parameter, in order (empty when absent).</summary>
    public IReadOnlyList<string> QueryValues(string name) => [.. Query.Where(p => p.Key == name).Select(p => p.Value)];

    public override string ToString() => $"{Method} {Path}{QueryString}";
}
