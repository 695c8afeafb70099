using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Control;

/// <summary><c>GET /emulator/webhooks/emitted</c>: every event emitted since the last reset, with its exact payload.</summary>
public sealed class EmittedWebhooksTests : EmulatorTest
{
    [Fact]
    public async Task Emitted_events_are_listed_oldest_first_with_sequence_type_timestamp_and_payload()
    {
        var customer = ControlTestData.AddCustomer(Emulator, "ada@example.com");
        string first;
        lock (Emulator.State.Gate)
        {
            first = Emulator.State.Webhooks.Emit(new CustomerCreatedWebhookEvent(customer, Emulator.State.Now)).Payload;
            Emulator.State.Webhooks.Emit(new CustomerUpdatedWebhookEvent(customer, Emulator.State.Now));
        }

        var items = (await GetControlAsync("/emulator/webhooks/emitted"))!["items"]!.AsArray();

        Assert.Equal([1L, 2L], items.Select(i => (long)i!["sequence"]!));
        Assert.Equal(["customer.created", "customer.updated"], items.Select(i => (string)i!["type"]!));
        Assert.Equal(first, (string?)items[0]!["payload"]);
        Assert.Equal(Clock.GetUtcNow(), DateTimeOffset.Parse((string)items[0]!["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task After_a_reset_the_list_is_empty()
    {
        var customer = ControlTestData.AddCustomer(Emulator, "ada@example.com");
        lock (Emulator.State.Gate)
        {
            Emulator.State.Webhooks.Emit(new CustomerCreatedWebhookEvent(customer, Emulator.State.Now));
        }

        await SendAsync(HttpMethod.Post, "/emulator/reset");

        Assert.Empty((await GetControlAsync("/emulator/webhooks/emitted"))!["items"]!.AsArray());
    }
}
