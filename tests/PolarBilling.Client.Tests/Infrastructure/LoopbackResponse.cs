using System.Globalization;

namespace PolarBilling.Client.Tests.Infrastructure;

/// <summary>
/// What <see cref="LoopbackPolarServer"/> answers to one request: a status, an optional body, headers, an optional
/// delay before answering, or a dropped connection. Immutable; build with the factories and refine with
/// <see cref="WithHeader"/> and <see cref="After"/>.
/// </summary>
internal sealed record LoopbackResponse
{
    /// <summary>The HTTP status. Default 200.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The body text, or <see langword="null"/> for an empty body.</summary>
    public string? Body { get; init; }

    /// <summary>The body's content type. Default <c>application/json</c>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra response headers, e.g. <c>Retry-After</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>How long to wait before answering (or aborting). Default none.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Drop the connection (<c>HttpContext.Abort()</c>) instead of answering.</summary>
    public bool AbortConnection { get; init; }

    /// <summary>Polar's answer to an unknown route: 404 <c>{"detail":"Not Found"}</c>. Also the server's default.</summary>
    public static LoopbackResponse NotFound { get; } = Json(404, """{"detail":"Not Found"}""");

    /// <summary>A JSON answer.</summary>
    public static LoopbackResponse Json(int status, string json) => new() { Status = status, Body = json };

    /// <summary>An answer with no body, e.g. 204, or a 429 like Polar's (see <see cref="RateLimited"/>).</summary>
    public static LoopbackResponse Empty(int status) => new() { Status = status };

    /// <summary>A non-JSON answer, such as a proxy's HTML error page.</summary>
    public static LoopbackResponse Text(int status, string text, string contentType = "text/html; charset=utf-8") =>
        new() { Status = status, Body = text, ContentType = contentType };

    /// <summary>Polar's rate-limit answer: 429, empty body, <c>Retry-After: <paramref name="retryAfterSeconds"/></c>.</summary>
    public static LoopbackResponse RateLimited(int retryAfterSeconds) =>
        Empty(429).WithHeader("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture));

    /// <summary>Drop the connection without answering, as a crashed proxy would.</summary>
    public static LoopbackResponse Abort() => new() { AbortConnection = true };

    /// <summary>This answer with one more header.</summary>
    public LoopbackResponse WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    /// <summary>This answer, given only after <paramref name="delay"/> (to trip client timeouts).</summary>
    public LoopbackResponse After(TimeSpan delay) => this with { Delay = delay };
}
