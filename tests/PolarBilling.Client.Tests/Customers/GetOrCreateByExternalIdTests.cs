using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Customers;

public sealed class GetOrCreateByExternalIdTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CustomerIndividualCreate Ada => new() { Email = "ada@example.com", ExternalId = CustomerFixtures.ExternalId, Name = "Ada Lovelace" };

    [Fact]
    public async Task An_existing_customer_is_returned_without_creating_one()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/external/{external_id}").Always(LoopbackResponse.Json(200, CustomerFixtures.Individual));
        var client = server.CreateClient();

        var customer = await client.Customers.GetOrCreateByExternalIdAsync(Ada, cancellationToken: Ct);

        Assert.Equal(CustomerFixtures.IndividualId, customer.Id);
        Assert.Equal(["GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_missing_customer_is_created()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/external/{external_id}").Always(LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""));
        server.On("POST", "/v1/customers/").Always(LoopbackResponse.Json(201, CustomerFixtures.Individual));
        var client = server.CreateClient();

        var customer = await client.Customers.GetOrCreateByExternalIdAsync(Ada, cancellationToken: Ct);

        Assert.IsType<CustomerIndividual>(customer);
        Assert.Equal(["GET", "POST"], server.Requests.Select(r => r.Method));
        Assert.Contains("\"external_id\":\"user_42\"", server.Requests[1].BodyText, StringComparison.Ordinal);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task A_customer_created_concurrently_is_read_after_Polar_reports_the_external_id_taken()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/external/{external_id}")
            .Once(LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""))
            .Always(LoopbackResponse.Json(200, CustomerFixtures.Individual));
        server.On("POST", "/v1/customers/").Always(LoopbackResponse.Json(422, CustomerFixtures.ExternalIdTaken));
        var client = server.CreateClient();

        var customer = await client.Customers.GetOrCreateByExternalIdAsync(Ada, cancellationToken: Ct);

        Assert.Equal(CustomerFixtures.IndividualId, customer.Id);
        Assert.Equal(["GET", "POST", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task An_email_owned_by_another_customer_is_reported_not_papered_over()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/external/{external_id}").Always(LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""));
        server.On("POST", "/v1/customers/").Always(LoopbackResponse.Json(422, CustomerFixtures.EmailTaken));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarValidationException>(() => client.Customers.GetOrCreateByExternalIdAsync(Ada, cancellationToken: Ct));

        Assert.Equal("body.email", Assert.Single(ex.Errors).Path);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_body_without_external_id_is_rejected_before_calling_Polar()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Customers.GetOrCreateByExternalIdAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Ct));

        Assert.Equal("body", ex.ParamName);
        Assert.Empty(server.Requests);
    }
}
