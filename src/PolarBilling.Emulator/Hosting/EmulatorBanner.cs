namespace PolarBilling.Emulator.Hosting;

/// <summary>What the standalone emulator prints at start: where it listens, the token it takes, each endpoint's secret.</summary>
internal static class EmulatorBanner
{
    public static async Task WriteAsync(TextWriter output, PolarEmulator emulator)
    {
        await output.WriteLineAsync($"Polar emulator listening on {emulator.BaseUrl}").ConfigureAwait(false);
        await output.WriteLineAsync($"  Base URL:        {emulator.BaseUrl}   (set Polar:Server / POLAR_SERVER to this)").ConfigureAwait(false);
        await output.WriteLineAsync($"  Access token:    {emulator.AccessToken}   (Polar:AccessToken / POLAR_ACCESS_TOKEN)").ConfigureAwait(false);
        await output.WriteLineAsync($"  Organization id: {emulator.OrganizationId}").ConfigureAwait(false);
        foreach (var endpoint in emulator.StartUpWebhookEndpoints)
        {
            await output.WriteLineAsync($"  Webhook endpoint {endpoint.Url}").ConfigureAwait(false);
            await output.WriteLineAsync($"    secret:        {endpoint.Secret}   ({endpoint.KeyScheme} key scheme; POLAR_WEBHOOK_SECRET)").ConfigureAwait(false);
        }

        await output.WriteLineAsync("  Control API:     /emulator/ (see docs/billing/testing-guide.md). Press Ctrl+C to stop.").ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }
}
