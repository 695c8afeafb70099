using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Customers;

public sealed class CustomerCreationTests : EmulatorTest
{
    [Fact]
    public async Task An_individual_customer_is_created_with_Polars_fields_and_announced_then_its_state()
    {
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate
        {
            Email = "ada@example.com",
            Name = "Ada Lovelace",
            ExternalId = "user_42",
            Metadata = new() { ["plan"] = "pro" },
        }, cancellationToken: TestContext.Current.CancellationToken);

        var individual = Assert.IsType<CustomerIndividual>(customer);
        Assert.Equal("ada@example.com", individual.Email);
        Assert.Equal("individual", individual.Type);
        Assert.Equal("user_42", customer.ExternalId);
        Assert.Equal(Clock.GetUtcNow(), customer.CreatedAt);
        Assert.Null(customer.ModifiedAt);
        Assert.False(customer.EmailVerified);
        Assert.Equal("pro", customer.Metadata["plan"].ToString());
        Assert.StartsWith("https://www.gravatar.com/avatar/", customer.AvatarUrl, StringComparison.Ordinal);

        var events = AssertWebhooks("customer.created", "customer.state_changed");
        Assert.Equal(customer.Id, ((CustomerCreatedWebhookEvent)events[0]).Data.Id);
        var state = ((CustomerStateChangedWebhookEvent)events[1]).Data;
        Assert.Equal(customer.Id, state.Id);
        Assert.Empty(state.ActiveSubscriptions);
        Assert.Empty(state.GrantedBenefits);
    }

    [Fact]
    public async Task A_taken_email_any_case_is_a_422_at_body_email()
    {
        await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: TestContext.Current.CancellationToken);
        TakeWebhooks();

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/customers/", """{"email":"ADA@example.com"}""");

        Assert.Equal(422, status);
        Assert.Equal(
            """{"error":"PolarRequestValidationError","detail":[{"type":"value_error","loc":["body","email"],"msg":"A customer with this email address already exists.","input":"ADA@example.com"}]}""",
            body!.ToJsonString());
        AssertWebhooks();
    }

    [Fact]
    public async Task A_taken_email_and_external_id_are_reported_together()
    {
        await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com", ExternalId = "user_42" }, cancellationToken: TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<PolarValidationException>(() => Polar.Customers.CreateAsync(
            new CustomerIndividualCreate { Email = "ada@example.com", ExternalId = "user_42" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(["body.email", "body.external_id"], error.Errors.Select(e => e.Path));
        Assert.Equal("A customer with this external ID already exists.", error.Errors[1].Message);
    }

    [Fact]
    public async Task A_team_customer_with_an_owner_gets_its_owner_member_first()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/customers/",
            """{"type":"team","name":"Acme","owner":{"email":"boss@acme.test","name":"Boss","external_id":"u1"}}""");

        Assert.Equal(201, status);
        Assert.Equal("team", body!["type"]!.GetValue<string>());
        Assert.Null(body["email"]);
        var events = AssertWebhooks("member.created", "customer.created", "customer.state_changed");
        var owner = ((MemberCreatedWebhookEvent)events[0]).Data;
        Assert.Equal(("boss@acme.test", "Boss", "u1", MemberRole.Owner), (owner.Email, owner.Name, owner.ExternalId, owner.Role));
        Assert.Equal(body["id"]!.GetValue<string>(), owner.CustomerId);
    }

    [Fact]
    public async Task A_team_customer_without_any_email_is_refused()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/customers/", """{"type":"team","name":"Acme"}""");

        Assert.Equal(422, status);
        Assert.Equal("An email is required to create an owner member.", body!["detail"]![0]!["msg"]!.GetValue<string>());
        AssertWebhooks();
    }

    [Fact]
    public async Task A_tax_id_needs_a_billing_country()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/customers/", """{"email":"b@example.com","tax_id":"FR61954506077"}""");

        Assert.Equal(422, status);
        Assert.Equal("""[{"type":"missing","loc":["body","billing_address"],"msg":"Country is required to validate tax ID.","input":null}]""", body!["detail"]!.ToJsonString());
    }

    [Fact]
    public async Task A_tax_id_is_stored_with_its_type()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/customers/",
            """{"email":"b@example.com","tax_id":"FR 61954506077","billing_address":{"country":"FR"}}""");

        Assert.Equal(201, status);
        Assert.Equal("""["FR61954506077","eu_vat"]""", body!["tax_id"]!.ToJsonString());
    }
}
