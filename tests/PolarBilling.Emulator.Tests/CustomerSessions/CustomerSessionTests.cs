using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Meters;
using Xunit;

namespace PolarBilling.Emulator.Tests.CustomerSessions;

public sealed class CustomerSessionTests : EmulatorTest
{
    [Fact]
    public async Task A_session_for_a_customer_lasts_an_hour_and_links_to_the_portal()
    {
        var customer = await UsageSetup.CreateCustomerAsync(Polar, "ada+billing@example.com");

        var session = await Polar.CustomerSessions.CreateForCustomerAsync(customer.Id, "https://app.example.com/account", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Matches("^polar_cst_[A-Za-z0-9]{43}$", session.Token);
        Assert.Equal(Clock.GetUtcNow().AddHours(1), session.ExpiresAt);
        Assert.Equal(customer.Id, session.CustomerId);
        Assert.Equal(customer.Id, session.Customer.Id);
        Assert.Equal("https://app.example.com/account", session.ReturnUrl);
        Assert.Equal(
            $"{Emulator.BaseUrl}{Emulator.State.Organization.Slug}/portal?customer_session_token={session.Token}&email=ada%2Bbilling%40example.com",
            session.CustomerPortalUrl);
    }

    [Fact]
    public async Task A_session_is_opened_by_external_id()
    {
        var customer = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com", "user_1");

        var session = await Polar.CustomerSessions.CreateForExternalCustomerAsync("user_1", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(customer.Id, session.CustomerId);
        Assert.Null(session.ReturnUrl);
    }

    [Fact]
    public async Task Unknown_or_deleted_customers_are_a_422_at_the_field_sent()
    {
        var customer = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com");
        await Polar.Customers.DeleteAsync(customer.Id, cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/customer-sessions/", $$"""{"customer_id":"{{customer.Id}}"}""");
        var (externalStatus, externalBody) = await SendAsync(HttpMethod.Post, "/v1/customer-sessions/", """{"external_customer_id":"nobody"}""");

        Assert.Equal((422, 422), (status, externalStatus));
        Assert.Equal(
            $$"""[{"type":"value_error","loc":["body","customer_id"],"msg":"Customer does not exist.","input":"{{customer.Id}}"}]""",
            body!["detail"]!.ToJsonString());
        Assert.Equal("""["body","external_customer_id"]""", externalBody!["detail"]![0]!["loc"]!.ToJsonString());
    }
}
