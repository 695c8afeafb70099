using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator;

public sealed partial class PolarEmulator
{
    /// <summary>The endpoints created at start-up from <see cref="PolarEmulatorOptions.WebhookUrls"/>, in order.</summary>
    public IReadOnlyList<EmulatorWebhookEndpoint> StartUpWebhookEndpoints => State.StartUpEndpoints;

    /// <summary>
    /// Adds a webhook endpoint subscribed to <paramref name="events"/> (default: every event type), as
    /// <c>POST /v1/webhooks/endpoints</c> does, with a new secret of <paramref name="keyScheme"/>
    /// (default <see cref="PolarEmulatorOptions.WebhookKeyScheme"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http(s) URL, or an event type is unknown.</exception>
    public EmulatorWebhookEndpoint AddWebhookEndpoint(string url, WebhookKeyScheme? keyScheme = null, IEnumerable<string>? events = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The webhook URL must be an absolute http(s) URL, not '{url}'.", nameof(url));
        }

        var types = events?.ToList() ?? [.. WebhookEventTypes.All];
        var unknown = types.Where(t => !WebhookEventTypes.All.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown webhook event type(s): {string.Join(", ", unknown)}.", nameof(events));
        }

        lock (State.Gate)
        {
            return State.Webhooks.AddEndpoint(url, keyScheme ?? State.Options.WebhookKeyScheme, types);
        }
    }
}
