using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator;

/// <summary>How a <see cref="PolarEmulator"/> runs. Every default suits a test: loopback, a random port, Polar's limits.</summary>
public sealed class PolarEmulatorOptions
{
    /// <summary>The address to listen on. Default <c>http://127.0.0.1:0</c> (a free loopback port, read back from <see cref="PolarEmulator.BaseUrl"/>).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>The organization access token the API accepts (Polar's format, <c>polar_oat_…</c>). Default: a new random one.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The emulated organization's name. Default <c>Emulated Organization</c>.</summary>
    public string OrganizationName { get; set; } = "Emulated Organization";

    /// <summary>The emulated organization's slug, used in customer portal URLs. Default <c>emulated-org</c>.</summary>
    public string OrganizationSlug { get; set; } = "emulated-org";

    /// <summary>Requests per minute per organization before 429 (Polar production: 500; sandbox: 100). Default 500; 0 turns the limit off.</summary>
    public int RateLimitPerMinute { get; set; } = 500;

    /// <summary>The <c>Polar-Version</c> values accepted; any other is answered 404 as Polar does. Default 2026-04 and 2026-10, the two Polar serves (server <c>version.py</c>); add a newer one here when Polar ships it.</summary>
    public IList<string> SupportedApiVersions { get; } = ["2026-04", "2026-10"];

    /// <summary>The version used when a request sends no <c>Polar-Version</c>. Default <c>2026-04</c>, Polar's.</summary>
    public string DefaultApiVersion { get; set; } = "2026-04";

    /// <summary>
    /// The clock emulator time is based on; the test clock's advances are added to it. Default <see langword="null"/>:
    /// the real clock, stopped at start-up when <see cref="ClockMode"/> is <see cref="EmulatorClockMode.Frozen"/>.
    /// A test may pass a fake clock and move it itself (nothing then runs until the test clock is advanced).
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Whether time stands still until advanced (<see cref="EmulatorClockMode.Frozen"/>, the default, for tests) or flows
    /// with the real clock and runs renewals, retries and expiries by itself (<see cref="EmulatorClockMode.Running"/>,
    /// what the standalone emulator uses).
    /// </summary>
    public EmulatorClockMode ClockMode { get; set; } = EmulatorClockMode.Frozen;

    /// <summary>Where a frozen clock starts. Default: the real time at start-up. Ignored when <see cref="TimeProvider"/> is set.</summary>
    public DateTimeOffset? ClockStart { get; set; }

    /// <summary>Webhook endpoints created at start-up, each subscribed to every event type.</summary>
    public IList<string> WebhookUrls { get; } = [];

    /// <summary>The key scheme of secrets for endpoints created at start-up or through the API. Default <see cref="WebhookKeyScheme.Standard"/>, as for Polar secrets made since 2026-09-08.</summary>
    public WebhookKeyScheme WebhookKeyScheme { get; set; } = WebhookKeyScheme.Standard;

    /// <summary>Multiplies Polar's webhook retry delays (2 s, 4 s, 8 s, … up to 20 min); 0.001 makes ten attempts take well under a second. Default 1.</summary>
    public double WebhookRetryTimeScale { get; set; } = 1.0;

    /// <summary>How long one webhook delivery attempt may take before it counts as failed. Default 10 s, Polar's.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The seed of every fault decision (<c>/emulator/faults</c>, a rule's <c>rate</c>): the same seed, rules and sequence of
    /// requests and events give the same faults. Default 20261102; <c>PUT /emulator/faults/seed</c> changes it at run time.
    /// </summary>
    public long FaultSeed { get; set; } = 20261102;

    /// <summary>Where the emulator writes its start-up banner (base URL, token, secrets). Default: nowhere (in tests); the standalone program uses the console.</summary>
    public TextWriter? Banner { get; set; }

    /// <summary>Throws when a setting cannot work, naming the setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!Uri.TryCreate(Urls, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Urls must be an absolute http(s) URL such as http://127.0.0.1:7300, not '{Urls}'.", nameof(Urls));
        }

        if (AccessToken is { } token && !token.StartsWith("polar_oat_", StringComparison.Ordinal))
        {
            throw new ArgumentException("AccessToken must be an organization access token starting with 'polar_oat_'.", nameof(AccessToken));
        }

        if (!Enum.IsDefined(ClockMode))
        {
            throw new ArgumentException($"ClockMode must be Frozen or Running, not {(int)ClockMode}.", nameof(ClockMode));
        }

        if (ClockStart is not null && (TimeProvider is not null || ClockMode != EmulatorClockMode.Frozen))
        {
            throw new ArgumentException("ClockStart applies only to a frozen clock without a TimeProvider: remove it or set ClockMode to Frozen and TimeProvider to null.", nameof(ClockStart));
        }

        if (RateLimitPerMinute < 0)
        {
            throw new ArgumentException("RateLimitPerMinute must be 0 (no limit) or more.", nameof(RateLimitPerMinute));
        }

        if (!SupportedApiVersions.Contains(DefaultApiVersion))
        {
            throw new ArgumentException($"DefaultApiVersion '{DefaultApiVersion}' must be one of SupportedApiVersions.", nameof(DefaultApiVersion));
        }

        if (WebhookRetryTimeScale is <= 0 or > 1000 || double.IsNaN(WebhookRetryTimeScale))
        {
            throw new ArgumentException("WebhookRetryTimeScale must be above 0 (1 = Polar's real delays).", nameof(WebhookRetryTimeScale));
        }

        if (WebhookTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("WebhookTimeout must be positive.", nameof(WebhookTimeout));
        }

        foreach (var hook in WebhookUrls)
        {
            if (!Uri.TryCreate(hook, UriKind.Absolute, out var hookUrl) || hookUrl.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"Webhook URL '{hook}' must be an absolute http(s) URL.", nameof(WebhookUrls));
            }
        }
    }
}
