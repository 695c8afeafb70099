using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Meters;
using Xunit;

namespace PolarBilling.Emulator.Tests.Customers;

public sealed class CustomerDeletionTests : EmulatorTest
{
    [Fact]
    public async Task A_deleted_customer_is_gone_and_its_external_id_free_again()
    {
        var customer = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com", "user_1");
        TakeWebhooks();

        var (status, _) = await SendAsync(HttpMethod.Delete, $"/v1/customers/{customer.Id}");

        Assert.Equal(204, status);
        var events = AssertWebhooks("customer.deleted", "customer.state_changed");
        var deleted = ((CustomerDeletedWebhookEvent)events[0]).Data;
        Assert.Equal(Clock.GetUtcNow(), deleted.DeletedAt);
        Assert.Null(deleted.ExternalId);
        Assert.Equal("user_1", deleted.Metadata["__external_id"].ToString());
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/v1/customers/{customer.Id}")).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/v1/customers/{customer.Id}/state")).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Delete, $"/v1/customers/{customer.Id}")).Status);
        Assert.Empty((await Polar.Customers.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);

        var again = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com", "user_1");
        Assert.NotEqual(customer.Id, again.Id);
    }

    [Fact]
    public async Task Deleting_a_customer_revokes_its_subscriptions_before_announcing_the_deletion()
    {
        var customer = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com");
        var subscription = await UsageSetup.SubscribeAsync(Emulator, Polar, customer.Id);
        TakeWebhooks();

        await Polar.Customers.DeleteAsync(customer.Id, cancellationToken: TestContext.Current.CancellationToken);

        var types = TakeWebhooks().Select(e => e.Type).ToList();
        Assert.Equal(["customer.deleted", "customer.state_changed"], types[^2..]);
        Assert.Contains("subscription.revoked", types);
        Assert.True(types.IndexOf("subscription.revoked") < types.IndexOf("customer.deleted"));
        lock (Emulator.State.Gate)
        {
            Assert.Equal(SubscriptionStatus.Canceled, Emulator.State.Subscriptions.Get(subscription.Id).Status);
        }
    }

    [Fact]
    public async Task Anonymizing_scrubs_personal_data_keeps_the_external_id_and_is_an_update()
    {
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate
        {
            Email = "ada@example.com",
            Name = "Ada",
            ExternalId = "user_1",
            BillingAddress = new AddressInput { Country = "FR", City = "Paris" },
        }, cancellationToken: TestContext.Current.CancellationToken);
        TakeWebhooks();

        await Polar.Customers.DeleteAsync(customer.Id, anonymize: true, cancellationToken: TestContext.Current.CancellationToken);

        var events = AssertWebhooks("customer.updated", "customer.state_changed");
        var scrubbed = (CustomerIndividual)((CustomerUpdatedWebhookEvent)events[0]).Data;
        Assert.EndsWith("@anonymized.polar.sh", scrubbed.Email, StringComparison.Ordinal);
        Assert.Equal(64, scrubbed.Name!.Length);
        Assert.Null(scrubbed.BillingAddress);
        Assert.Equal("user_1", scrubbed.ExternalId);
        Assert.NotNull(scrubbed.DeletedAt);
        Assert.True(scrubbed.Metadata.ContainsKey("__anonymized_at"));
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, "/v1/customers/external/user_1")).Status);
    }

    [Fact]
    public async Task A_customer_is_deleted_by_external_id_and_an_unknown_one_is_a_404()
    {
        await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com", "user_1");

        await Polar.Customers.DeleteByExternalIdAsync("user_1", cancellationToken: TestContext.Current.CancellationToken);
        var (status, body) = await SendAsync(HttpMethod.Delete, "/v1/customers/external/user_1");

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFound", body!["error"]!.GetValue<string>());
    }
}
