namespace PolarBilling.Client;

/// <summary>The class of HTTP status an endpoint answered a delivery with (the <c>http_code_class</c> filter). Other values pass through unchanged.</summary>
/// <param name="Value">The wire value, e.g. <c>5xx</c>.</param>
public readonly record struct WebhookHttpCodeClass(string Value) : IPolarEnum<WebhookHttpCodeClass>
{
    /// <summary><c>2xx</c>: accepted.</summary>
    public static WebhookHttpCodeClass Success { get; } = new("2xx");

    /// <summary><c>3xx</c>: redirected, which Polar counts as a failure (it does not follow redirects).</summary>
    public static WebhookHttpCodeClass Redirection { get; } = new("3xx");

    /// <summary><c>4xx</c>: refused, e.g. a bad signature.</summary>
    public static WebhookHttpCodeClass ClientError { get; } = new("4xx");

    /// <summary><c>5xx</c>: the endpoint failed.</summary>
    public static WebhookHttpCodeClass ServerError { get; } = new("5xx");

    /// <inheritdoc />
    public static WebhookHttpCodeClass From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
