using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Customers;

/// <summary>Customers addressed by Polar id: create, get, update, delete, state.</summary>
public sealed class CustomersServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_posts_an_individual_with_external_id_and_metadata_and_reads_it_back()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/customers/").Always(LoopbackResponse.Json(201, CustomerFixtures.Individual));
        var client = server.CreateClient();

        var customer = await client.Customers.CreateAsync(
            new CustomerIndividualCreate
            {
                Email = "ada@example.com",
                ExternalId = CustomerFixtures.ExternalId,
                Name = "Ada Lovelace",
                Locale = "en-US",
                Metadata = new() { ["plan"] = "pro", ["seats"] = 3, ["beta"] = true },
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/customers/"), (request.Method, request.Path));
        ModelRoundTrip.AssertEquivalent(
            """
            {"type":"individual","email":"ada@example.com","external_id":"user_42","name":"Ada Lovelace","locale":"en-US",
             "metadata":{"plan":"pro","seats":3,"beta":true}}
            """,
            request.BodyText!);
        server.AssertAllRequestsMatchSpec();
        var individual = Assert.IsType<CustomerIndividual>(customer);
        Assert.Equal((CustomerFixtures.IndividualId, "ada@example.com", "user_42", true), (individual.Id, individual.Email, individual.ExternalId, individual.EmailVerified));
        Assert.Equal(("US", "US-CA"), (individual.BillingAddress!.Country, individual.BillingAddress.State));
        Assert.Equal("pro", individual.Metadata["plan"].ToString());
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 9, 12, 45, 250, TimeSpan.Zero), individual.ModifiedAt);
    }

    [Fact]
    public async Task Create_posts_a_team_with_its_owner_and_reads_a_team_without_email()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/customers/").Always(LoopbackResponse.Json(201, CustomerFixtures.Team));
        var client = server.CreateClient();

        var customer = await client.Customers.CreateAsync(
            new CustomerTeamCreate
            {
                Name = "Analytical Engines Ltd",
                TaxId = "GB123456789",
                Owner = new MemberOwnerCreate { Email = "ada@example.com", Name = "Ada Lovelace", ExternalId = "user_42" },
            },
            cancellationToken: Ct);

        ModelRoundTrip.AssertEquivalent(
            """
            {"type":"team","name":"Analytical Engines Ltd","tax_id":"GB123456789",
             "owner":{"email":"ada@example.com","name":"Ada Lovelace","external_id":"user_42"}}
            """,
            Assert.Single(server.Requests).BodyText!);
        server.AssertAllRequestsMatchSpec();
        var team = Assert.IsType<CustomerTeam>(customer);
        Assert.Null(team.Email);
        Assert.Equal(["GB123456789", "gb_vat"], team.TaxId!.Select(part => part.GetString()));
        Assert.Null(team.ExternalId);
    }

    [Fact]
    public async Task Create_with_a_taken_email_surfaces_Polars_422_with_the_body_email_path_and_is_not_retried()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/customers/").Always(LoopbackResponse.Json(422, CustomerFixtures.EmailTaken));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarValidationException>(() =>
            client.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Ct));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("body.email", "value_error", "A customer with this email address already exists."), (error.Path, error.Type, error.Message));
        Assert.Equal(["body", "email"], error.Location);
        Assert.Equal((System.Net.HttpStatusCode.UnprocessableEntity, "PolarRequestValidationError"), (ex.StatusCode, ex.Error));
        Assert.Contains("body.email", ex.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Get_reads_the_customer_union_by_its_type()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/" + CustomerFixtures.IndividualId).Always(LoopbackResponse.Json(200, CustomerFixtures.Individual));
        server.On("GET", "/v1/customers/" + CustomerFixtures.TeamId).Always(LoopbackResponse.Json(200, CustomerFixtures.Team));
        var client = server.CreateClient();

        var individual = await client.Customers.GetAsync(CustomerFixtures.IndividualId, cancellationToken: Ct);
        var team = await client.Customers.GetAsync(CustomerFixtures.TeamId, cancellationToken: Ct);

        Assert.IsType<CustomerIndividual>(individual);
        Assert.Equal("Analytical Engines Ltd", Assert.IsType<CustomerTeam>(team).BillingName);
        Assert.All(server.Requests, r => Assert.Equal(("GET", ""), (r.Method, r.QueryString)));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Update_patches_only_the_fields_set_including_upgrading_to_a_team()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/customers/{id}").Always(LoopbackResponse.Json(200, CustomerFixtures.Team));
        var client = server.CreateClient();

        var customer = await client.Customers.UpdateAsync(
            CustomerFixtures.IndividualId,
            new CustomerUpdate
            {
                Name = "Analytical Engines Ltd",
                Type = CustomerType.Team,
                BillingAddress = new AddressInput { Country = "GB", City = "London", Line1 = "12 Marylebone Rd", PostalCode = "NW1 5LR" },
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", "/v1/customers/" + CustomerFixtures.IndividualId), (request.Method, request.Path));
        ModelRoundTrip.AssertEquivalent(
            """{"name":"Analytical Engines Ltd","type":"team","billing_address":{"country":"GB","city":"London","line1":"12 Marylebone Rd","postal_code":"NW1 5LR"}}""",
            request.BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.IsType<CustomerTeam>(customer);
    }

    [Fact]
    public async Task Delete_sends_no_anonymize_parameter_by_default()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("DELETE", "/v1/customers/{id}").Always(LoopbackResponse.Empty(204));
        var client = server.CreateClient();

        await client.Customers.DeleteAsync(CustomerFixtures.IndividualId, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("DELETE", "/v1/customers/" + CustomerFixtures.IndividualId, "", (string?)null), (request.Method, request.Path, request.QueryString, request.BodyText));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Delete_with_anonymize_asks_Polar_to_scrub_personal_data()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("DELETE", "/v1/customers/{id}").Always(LoopbackResponse.Empty(204));
        var client = server.CreateClient();

        await client.Customers.DeleteAsync(CustomerFixtures.IndividualId, anonymize: true, cancellationToken: Ct);

        Assert.Equal(["true"], Assert.Single(server.Requests).QueryValues("anonymize"));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Delete_of_an_unknown_customer_surfaces_Polars_404()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("DELETE", "/v1/customers/{id}").Always(LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""));
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarNotFoundException>(() => client.Customers.DeleteAsync(CustomerFixtures.IndividualId, cancellationToken: Ct));
    }

    [Fact]
    public async Task GetState_reads_active_subscriptions_granted_benefits_and_meter_balances()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/{id}/state").Always(LoopbackResponse.Json(200, CustomerFixtures.StateIndividual));
        var client = server.CreateClient();

        var state = await client.Customers.GetStateAsync(CustomerFixtures.IndividualId, cancellationToken: Ct);

        Assert.Equal(("GET", $"/v1/customers/{CustomerFixtures.IndividualId}/state"), (server.Requests[0].Method, server.Requests[0].Path));
        server.AssertAllRequestsMatchSpec();
        var individual = Assert.IsType<CustomerStateIndividual>(state);
        Assert.Equal("ada@example.com", individual.Email);
        var subscription = Assert.Single(state.ActiveSubscriptions);
        Assert.Equal(("trialing", 1500L, RecurringInterval.Month, false), (subscription.Status, subscription.Amount, subscription.RecurringInterval, subscription.CancelAtPeriodEnd));
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 11, 5, 0, TimeSpan.Zero), subscription.TrialEnd);
        var usage = Assert.Single(subscription.Meters);
        Assert.Equal((1250.5, 1000L, 251L), (usage.ConsumedUnits, usage.CreditedUnits, usage.Amount));
        Assert.Equal([BenefitType.FeatureFlag, BenefitType.LicenseKeys], state.GrantedBenefits.Select(g => g.BenefitType));
        Assert.Equal("api-access", state.GrantedBenefits[0].BenefitMetadata["feature"].ToString());
        Assert.Equal("****-2026", Assert.IsType<BenefitGrantLicenseKeysProperties>(state.GrantedBenefits[1].Properties).DisplayKey);
        var meter = Assert.Single(state.ActiveMeters);
        Assert.Equal((1250.5, 1000L, -250.5), (meter.ConsumedUnits, meter.CreditedUnits, meter.Balance));
    }

    [Fact]
    public async Task GetState_of_a_team_without_subscriptions_reads_empty_lists()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/customers/{id}/state").Always(LoopbackResponse.Json(200, CustomerFixtures.StateTeam));
        var client = server.CreateClient();

        var state = await client.Customers.GetStateAsync(CustomerFixtures.TeamId, cancellationToken: Ct);

        Assert.IsType<CustomerStateTeam>(state);
        Assert.Empty(state.ActiveSubscriptions);
        Assert.Empty(state.GrantedBenefits);
        Assert.Empty(state.ActiveMeters);
    }

    [Fact]
    public async Task Customer_writes_move_no_money_so_a_503_is_retried()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/customers/{id}")
            .Once(LoopbackResponse.Json(503, """{"detail":"Service Unavailable"}"""))
            .Always(LoopbackResponse.Json(200, CustomerFixtures.Individual));
        server.On("DELETE", "/v1/customers/{id}")
            .Once(LoopbackResponse.Json(502, """{"detail":"Bad Gateway"}"""))
            .Always(LoopbackResponse.Empty(204));
        var client = server.CreateClient();

        await client.Customers.UpdateAsync(CustomerFixtures.IndividualId, new CustomerUpdate { Name = "Ada" }, cancellationToken: Ct);
        await client.Customers.DeleteAsync(CustomerFixtures.IndividualId, cancellationToken: Ct);

        Assert.Equal(["PATCH", "PATCH", "DELETE", "DELETE"], server.Requests.Select(r => r.Method));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Missing_ids_are_rejected_naming_the_parameter(string? id)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var customers = server.CreateClient().Customers;

        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => customers.GetAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => customers.UpdateAsync(id!, new CustomerUpdate(), cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => customers.DeleteAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => customers.GetStateAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Equal("externalId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => customers.GetByExternalIdAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Equal("externalId", (await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            customers.UpdateByExternalIdAsync(id!, new CustomerUpdateExternalID(), cancellationToken: Ct))).ParamName);
        Assert.Equal("externalId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => customers.DeleteByExternalIdAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Equal("externalId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => customers.GetStateByExternalIdAsync(id!, cancellationToken: Ct))).ParamName);
        Assert.Empty(server.Requests);
    }
}
