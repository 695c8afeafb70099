using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Customers;

/// <summary>Customers addressed by the app's own id: <c>/v1/customers/external/{external_id}</c>.</summary>
public sealed class CustomersByExternalIdTests
{
    private const string ExternalPath = "/v1/customers/external/" + CustomerFixtures.ExternalId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetByExternalId_reads_the_customer_at_the_external_path()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/external/{external_id}").Always(LoopbackResponse.Json(200, CustomerFixtures.Individual));
        var client = server.CreateClient();

        var customer = await client.Customers.GetByExternalIdAsync(CustomerFixtures.ExternalId, cancellationToken: Ct);

        Assert.Equal(("GET", ExternalPath), (server.Requests[0].Method, server.Requests[0].Path));
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(CustomerFixtures.ExternalId, customer.ExternalId);
    }

    [Fact]
    public async Task An_external_id_with_slashes_spaces_and_unicode_stays_one_path_segment()
    {
        const string awkward = "auth0|user 42/ü+x";
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/external/{external_id}").Always(LoopbackResponse.Json(200, CustomerFixtures.Individual));
        var client = server.CreateClient();

        await client.Customers.GetByExternalIdAsync(awkward, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(5, request.Path.Split('/').Length);
        Assert.Equal("/v1/customers/external/" + awkward, Uri.UnescapeDataString(request.Path));
        Assert.Equal("", request.QueryString);
    }

    [Fact]
    public async Task UpdateByExternalId_patches_only_the_fields_set()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/customers/external/{external_id}").Always(LoopbackResponse.Json(200, CustomerFixtures.Individual));
        var client = server.CreateClient();

        await client.Customers.UpdateByExternalIdAsync(
            CustomerFixtures.ExternalId,
            new CustomerUpdateExternalID { Email = "ada@example.com", Metadata = new() { ["plan"] = "team" } },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", ExternalPath), (request.Method, request.Path));
        ModelRoundTrip.AssertEquivalent("""{"email":"ada@example.com","metadata":{"plan":"team"}}""", request.BodyText!);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task UpdateByExternalId_to_a_taken_email_surfaces_the_body_email_path()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/customers/external/{external_id}").Always(LoopbackResponse.Json(422, CustomerFixtures.EmailTaken));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarValidationException>(() => client.Customers.UpdateByExternalIdAsync(
            CustomerFixtures.ExternalId, new CustomerUpdateExternalID { Email = "grace@example.com" }, cancellationToken: Ct));

        Assert.Equal("body.email", Assert.Single(ex.Errors).Path);
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "?anonymize=true")]
    public async Task DeleteByExternalId_sends_anonymize_only_when_asked(bool anonymize, string query)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("DELETE", "/v1/customers/external/{external_id}").Always(LoopbackResponse.Empty(204));
        var client = server.CreateClient();

        await client.Customers.DeleteByExternalIdAsync(CustomerFixtures.ExternalId, anonymize, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("DELETE", ExternalPath, query), (request.Method, request.Path, request.QueryString));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task GetStateByExternalId_reads_the_state_at_the_external_state_path()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/external/{external_id}/state").Always(LoopbackResponse.Json(200, CustomerFixtures.StateIndividual));
        var client = server.CreateClient();

        var state = await client.Customers.GetStateByExternalIdAsync(CustomerFixtures.ExternalId, cancellationToken: Ct);

        Assert.Equal(("GET", ExternalPath + "/state"), (server.Requests[0].Method, server.Requests[0].Path));
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(CustomerFixtures.IndividualId, state.Id);
        Assert.Single(state.ActiveSubscriptions);
    }
}
