namespace PolarBilling.Client;

/// <summary>
/// How the client reaches Polar. Bound from the <c>Polar</c> configuration section by
/// <c>services.AddPolarClient(configuration)</c>.
/// </summary>
public sealed class PolarClientOptions
{
    /// <summary>The default API version sent in <c>Polar-Version</c>.</summary>
    public const string DefaultApiVersion = "2026-10";

    /// <summary>
    /// The organization access token (<c>polar_oat_...</c>). Required for every call except the unauthenticated
    /// checkout client calls. Environment variable fallback: <c>POLAR_ACCESS_TOKEN</c>.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// <c>production</c> (default, https://api.polar.sh), <c>sandbox</c> (https://sandbox-api.polar.sh) or any absolute
    /// http(s) URL, such as a local emulator. Environment variable fallback: <c>POLAR_SERVER</c>.
    /// </summary>
    public string Server { get; set; } = PolarServers.Production;

    /// <summary>The <c>Polar-Version</c> header value. Default <c>2026-10</c>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>Sent as <c>Polar-Organization</c>; needed only with user (not organization) tokens.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The longest a call may take, retries and their waits included. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest one HTTP attempt may take. Default 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt for calls that are safe to repeat. Default 3; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially with jitter. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest wait before a retry, including a 429's <c>Retry-After</c>. A longer <c>Retry-After</c> is not
    /// waited for: the call fails with <see cref="PolarRateLimitException"/>. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Appended to the <c>User-Agent</c> header, e.g. your app's name and version.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>The absolute base URL <see cref="Server"/> names.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Server"/> is neither a known name nor an absolute http(s) URL.</exception>
    public Uri ResolveBaseAddress() => PolarServers.Resolve(Server);

    /// <summary>Every problem with these options, each saying what to set; empty when valid.</summary>
    public IReadOnlyList<string> Validate(bool requireAccessToken = true)
    {
        var problems = new List<string>();
        if (requireAccessToken && string.IsNullOrWhiteSpace(AccessToken))
        {
            problems.Add("Polar:AccessToken is missing: set it in appsettings or POLAR_ACCESS_TOKEN (an organization access token, polar_oat_...).");
        }

        if (!PolarServers.TryResolve(Server, out _))
        {
            problems.Add($"Polar:Server '{Server}' is not valid: use 'production', 'sandbox' or an absolute http(s) URL (also settable as POLAR_SERVER).");
        }

        if (!IsApiVersion(ApiVersion))
        {
            problems.Add($"Polar:ApiVersion '{ApiVersion}' is not valid: use a YYYY-MM version such as {DefaultApiVersion}.");
        }

        if (Timeout <= TimeSpan.Zero || AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add("Polar:Timeout and Polar:AttemptTimeout must be positive durations, such as 00:00:30.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            problems.Add($"Polar:MaxRetries is {MaxRetries}: use 0 to 10.");
        }

        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < TimeSpan.Zero)
        {
            problems.Add("Polar:RetryBaseDelay and Polar:MaxRetryDelay must not be negative.");
        }

        return problems;
    }

    // YYYY-MM with a real month: "abcd-ef" or "2026-13" would only surface later as Polar's 404 on every call.
    private static bool IsApiVersion(string? version) =>
        version is { Length: 7 } && version[4] == '-' && version.Remove(4, 1).All(char.IsAsciiDigit)
        && int.Parse(version.AsSpan(5), provider: System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 12;
}
