using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.State;

internal sealed partial class EmulatorState
{
    /// <summary>The endpoints made from <see cref="PolarEmulatorOptions.WebhookUrls"/>.</summary>
    public IReadOnlyList<EmulatorWebhookEndpoint> StartUpEndpoints { get; private set; } = [];

    /// <summary>Creates what the options ask for at start: the webhook endpoints.</summary>
    public void StartUp()
    {
        lock (Gate)
        {
            StartUpEndpoints = [.. Options.WebhookUrls.Select(url => Webhooks.AddEndpoint(url, Options.WebhookKeyScheme, WebhookEventTypes.All))];
        }
    }
}
