using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Checkouts;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Customers;

/// <summary>The customer response models against the spec, including the individual/team unions and unknown kinds.</summary>
public sealed class CustomerModelTests
{
    [Theory]
    [InlineData("Customers/customer-individual.json", typeof(CustomerIndividual))]
    [InlineData("Customers/customer-team.json", typeof(CustomerTeam))]
    public void Customer_fixtures_are_valid_fully_modelled_and_round_trip(string fixture, Type member)
    {
        var customer = ModelRoundTrip.Assert<Customer>("Customer", ModelRoundTrip.Fixture(fixture));

        Assert.IsType(member, customer);
    }

    [Theory]
    [InlineData("Customers/customer-state-individual.json", typeof(CustomerStateIndividual))]
    [InlineData("Customers/customer-state-team.json", typeof(CustomerStateTeam))]
    public void Customer_state_fixtures_are_valid_fully_modelled_and_round_trip(string fixture, Type member)
    {
        var state = ModelRoundTrip.Assert<CustomerState>("CustomerState", ModelRoundTrip.Fixture(fixture));

        Assert.IsType(member, state);
    }

    [Fact]
    public void A_customer_list_page_is_a_valid_list_response()
    {
        OpenApiSpec.AssertResponseValid("GET", "/v1/customers/", 200, CustomerFixtures.Page([CustomerFixtures.Individual, CustomerFixtures.Team], 2, 1));
    }

    [Fact]
    public void The_422_for_a_taken_email_is_a_documented_validation_error()
    {
        OpenApiSpec.AssertResponseValid("POST", "/v1/customers/", 422, CustomerFixtures.EmailTaken);
        OpenApiSpec.AssertResponseValid("POST", "/v1/customers/", 422, CustomerFixtures.ExternalIdTaken);
    }

    [Fact]
    public void A_customer_of_an_unknown_type_reads_as_UnknownCustomer_and_writes_back_unchanged()
    {
        var customer = PolarJson.Deserialize<Customer>(CustomerFixtures.FutureType);

        var unknown = Assert.IsType<UnknownCustomer>(customer);
        Assert.Equal((CustomerFixtures.IndividualId, "user_42"), (unknown.Id, unknown.ExternalId));
        Assert.Equal("household", unknown.AdditionalProperties!["type"].GetString());
        Assert.Equal(4, unknown.AdditionalProperties["household_size"].GetInt32());
        ModelRoundTrip.AssertEquivalent(CustomerFixtures.FutureType, PolarJson.Serialize(customer));
    }

    [Fact]
    public void A_state_of_an_unknown_customer_type_reads_as_UnknownCustomerState_with_its_lists()
    {
        var json = CustomerFixtures.StateIndividual.Replace("\"type\": \"individual\"", "\"type\": \"household\"", StringComparison.Ordinal);

        var state = PolarJson.Deserialize<CustomerState>(json);

        Assert.IsType<UnknownCustomerState>(state);
        Assert.Single(state.ActiveSubscriptions);
        Assert.Equal("ada@example.com", state.AdditionalProperties!["email"].GetString());
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(state));
    }

    [Fact]
    public void A_benefit_type_Polar_adds_later_does_not_break_reading_the_state()
    {
        var json = CustomerFixtures.StateIndividual.Replace("\"license_keys\"", "\"webinar_seat\"", StringComparison.Ordinal);

        var state = PolarJson.Deserialize<CustomerState>(json);

        Assert.Equal("webinar_seat", state.GrantedBenefits[1].BenefitType.Value);
        Assert.False(state.GrantedBenefits[1].BenefitType.IsKnown);
        ModelRoundTrip.AssertEquivalent(json, PolarJson.Serialize(state));
    }

    [Fact]
    public void The_create_union_reads_individual_and_team_bodies_by_shape()
    {
        Assert.IsType<CustomerIndividualCreate>(PolarJson.Deserialize<CustomerCreate>("""{"email":"ada@example.com"}"""));
        Assert.IsType<CustomerTeamCreate>(PolarJson.Deserialize<CustomerCreate>("""{"type":"team","name":"Acme"}"""));
    }
}
