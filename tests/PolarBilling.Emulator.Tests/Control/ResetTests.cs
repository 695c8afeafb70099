using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Control;

/// <summary><c>POST /emulator/reset</c>: back to an empty organization, keeping the start-up token.</summary>
public sealed class ResetTests : EmulatorTest
{
    [Fact]
    public async Task Reset_forgets_objects_emitted_webhooks_and_minted_tokens_but_keeps_the_start_up_token()
    {
        var customer = ControlTestData.AddCustomer(Emulator, "ada@example.com");
        lock (Emulator.State.Gate)
        {
            Emulator.State.Webhooks.Emit(new CustomerCreatedWebhookEvent(customer, Emulator.State.Now));
        }

        var (_, minted) = await SendAsync(HttpMethod.Post, "/emulator/access-tokens", """{"scopes": ["customers:read"]}""");
        var mintedToken = (string)minted!["token"]!;

        var (status, body) = await SendAsync(HttpMethod.Post, "/emulator/reset");

        Assert.Equal(204, status);
        Assert.Null(body);
        Assert.Equal(0, ControlTestData.CustomerCount(Emulator));
        Assert.Empty(EmittedWebhooks());
        Assert.Null(Emulator.State.Tokens.Find(mintedToken));
        Assert.NotNull(Emulator.State.Tokens.Find(Emulator.AccessToken));
    }

    [Fact]
    public async Task Reset_keeps_the_organization()
    {
        var organization = Emulator.OrganizationId;

        await SendAsync(HttpMethod.Post, "/emulator/reset");

        Assert.Equal(organization, Emulator.OrganizationId);
        Assert.Equal(organization, (string?)(await GetControlAsync("/emulator/state"))!["organization_id"]);
    }
}
