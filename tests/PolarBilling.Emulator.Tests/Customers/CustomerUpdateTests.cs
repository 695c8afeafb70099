using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Customers;

public sealed class CustomerUpdateTests : EmulatorTest
{
    private async Task<Customer> CreateAsync(string email, string? externalId = null)
    {
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = email, ExternalId = externalId }, cancellationToken: TestContext.Current.CancellationToken);
        TakeWebhooks();
        Clock.Advance(TimeSpan.FromMinutes(1));
        return customer;
    }

    [Fact]
    public async Task An_update_changes_the_fields_sent_and_is_announced_then_the_state()
    {
        var customer = await CreateAsync("ada@example.com");

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/customers/{customer.Id}",
            """{"name":"Ada","email":"ada@new.example","billing_address":{"country":"GB","city":"London"},"metadata":{"k":1}}""");

        Assert.Equal(200, status);
        Assert.Equal(("Ada", "ada@new.example", "GB", 1L), (body!["name"]!.GetValue<string>(), body["email"]!.GetValue<string>(), body["billing_address"]!["country"]!.GetValue<string>(), body["metadata"]!["k"]!.GetValue<long>()));
        Assert.Equal(Clock.GetUtcNow(), body["modified_at"]!.GetValue<DateTimeOffset>());
        var events = AssertWebhooks("customer.updated", "customer.state_changed");
        Assert.Equal("ada@new.example", ((CustomerIndividual)((CustomerUpdatedWebhookEvent)events[0]).Data).Email);
    }

    [Fact]
    public async Task An_external_id_can_be_set_once_and_never_changed()
    {
        var customer = await CreateAsync("ada@example.com");

        var set = await Polar.Customers.UpdateAsync(customer.Id, new CustomerUpdate { ExternalId = "user_1" }, cancellationToken: TestContext.Current.CancellationToken);
        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/customers/{customer.Id}", """{"external_id":"user_2"}""");

        Assert.Equal("user_1", set.ExternalId);
        Assert.Equal(422, status);
        Assert.Equal(
            """[{"type":"value_error","loc":["body","external_id"],"msg":"Customer external ID cannot be updated.","input":"user_2"}]""",
            body!["detail"]!.ToJsonString());
    }

    [Fact]
    public async Task Another_customers_email_or_external_id_is_a_422()
    {
        await CreateAsync("taken@example.com", "taken");
        var customer = await CreateAsync("ada@example.com");

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/customers/{customer.Id}", """{"email":"Taken@example.com","external_id":"taken"}""");

        Assert.Equal(422, status);
        Assert.Equal("""[["body","email"],["body","external_id"]]""", new System.Text.Json.Nodes.JsonArray([.. body!["detail"]!.AsArray().Select(d => d!["loc"]!.DeepClone())]).ToJsonString());
        AssertWebhooks();
    }

    [Fact]
    public async Task A_billing_address_cannot_be_reset_to_null()
    {
        var customer = await CreateAsync("ada@example.com");

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/customers/{customer.Id}", """{"billing_address":null}""");

        Assert.Equal(422, status);
        Assert.Equal("Customer billing address cannot be reset to null once set.", body!["detail"]![0]!["msg"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_individual_becomes_a_team_but_never_back()
    {
        var customer = await CreateAsync("ada@example.com");

        var team = await Polar.Customers.UpdateAsync(customer.Id, new CustomerUpdate { Type = CustomerType.Team }, cancellationToken: TestContext.Current.CancellationToken);
        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/customers/{customer.Id}", """{"type":"individual"}""");

        Assert.Equal("ada@example.com", Assert.IsType<CustomerTeam>(team).Email);
        Assert.Equal(422, status);
        Assert.Equal("Customer type cannot be downgraded from 'team' to 'individual'.", body!["detail"]![0]!["msg"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_customer_is_updated_and_read_by_external_id()
    {
        await CreateAsync("ada@example.com", "user_9");

        var updated = await Polar.Customers.UpdateByExternalIdAsync("user_9", new CustomerUpdateExternalID { Name = "Ada" }, cancellationToken: TestContext.Current.CancellationToken);
        var read = await Polar.Customers.GetByExternalIdAsync("user_9", cancellationToken: TestContext.Current.CancellationToken);
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/customers/external/nobody");

        Assert.Equal("Ada", updated.Name);
        Assert.Equal(updated.Id, read.Id);
        Assert.Equal(404, status);
        Assert.Equal("""{"error":"ResourceNotFound","detail":"Not found"}""", body!.ToJsonString());
    }
}
