using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

/// <summary>An emulator told to make legacy secrets (as Polar did before 2026-09-08) signs API-created endpoints that way.</summary>
public sealed class LegacyKeySchemeEndpointTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void Configure(PolarEmulatorOptions options) => options.WebhookKeyScheme = WebhookKeyScheme.Legacy;

    [Fact]
    public async Task Endpoints_created_and_rotated_through_the_api_use_the_emulators_key_scheme()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var created = await Polar.Webhooks.CreateAsync(
            new WebhookEndpointCreate { Url = receiver.UrlFor("hooks"), Format = WebhookFormat.Raw, Events = [new(WebhookEventTypes.CustomerCreated)] },
            cancellationToken: Ct);
        var rotated = await Polar.Webhooks.RotateSecretAsync(created.Id, cancellationToken: Ct);
        receiver.UseSecret(rotated.Secret);

        TestEvents.CustomerCreated(Emulator);
        var delivery = (await receiver.WaitForAsync(1)).Single();

        Assert.True(delivery.Verification!.IsValid, delivery.Verification.ToString());
        Assert.Equal(WebhookKeyScheme.Legacy, delivery.Verification.MatchedKeyScheme);
    }
}
