namespace SaasStarter.Billing;

/// <summary>The emulator webhook endpoint that delivers to this app.</summary>
/// <param name="Id">The endpoint's id on the emulator.</param>
internal sealed record EmbeddedEmulatorEndpoint(string Id);
