using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Triggers;

/// <summary><c>customer.created</c>, <c>.updated</c> and <c>.deleted</c> performed as Polar's customers API does.</summary>
public sealed class CustomerTriggerTests : TriggerTest
{
    [Fact]
    public async Task Created_creates_a_customer_with_the_given_fields()
    {
        var body = Trigger("customer.created");
        body["email"] = "grace@example.com";
        body["name"] = "Grace Hopper";
        body["external_id"] = "user_9";

        var answer = await TriggerAsync(body, "customer.created", "customer.state_changed");

        var customer = await Polar.Customers.GetByExternalIdAsync("user_9", cancellationToken: Cancel);
        Assert.Equal((string?)answer["id"], customer.Id);
        Assert.Equal("Grace Hopper", customer.Name);
        Assert.Equal("grace@example.com", (string?)answer["email"]);
    }

    [Fact]
    public async Task Created_without_an_email_makes_one_up_and_a_taken_email_is_Polars_422()
    {
        var first = await TriggerAsync(Trigger("customer.created"), "customer.created", "customer.state_changed");
        Assert.EndsWith("@example.com", (string?)first["email"], StringComparison.Ordinal);
        var again = Trigger("customer.created");
        again["email"] = (string?)first["email"];

        await RefusedAsync(again, 422, "PolarRequestValidationError");
    }

    [Fact]
    public async Task Updated_changes_the_given_fields()
    {
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Cancel);
        var body = Trigger("customer.updated", "customer_id", customer.Id);
        body["name"] = "Ada Lovelace";

        await TriggerAsync(body, "customer.updated", "customer.state_changed");

        Assert.Equal("Ada Lovelace", (await Polar.Customers.GetAsync(customer.Id, cancellationToken: Cancel)).Name);
    }

    [Fact]
    public async Task Deleted_deletes_the_customer_and_revokes_its_subscriptions()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));

        await TriggerAsync(Trigger("customer.deleted", "customer_id", subscription.CustomerId),
            "subscription.updated", "subscription.canceled", "subscription.revoked", "customer.state_changed",
            "customer.deleted", "customer.state_changed");

        var (status, _) = await SendAsync(HttpMethod.Get, $"/v1/customers/{subscription.CustomerId}");
        Assert.Equal(404, status);
        Assert.Equal(SubscriptionStatus.Canceled, (await GetSubscriptionAsync(subscription.Id)).Status);
        await RefusedAsync(Trigger("customer.deleted", "customer_id", subscription.CustomerId), 404, "ResourceNotFound");
    }
}
