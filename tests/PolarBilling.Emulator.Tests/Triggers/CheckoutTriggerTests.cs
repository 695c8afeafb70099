using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Triggers;

/// <summary><c>checkout.created</c> creates a checkout as the API does; <c>checkout.expired</c> expires an open one now.</summary>
public sealed class CheckoutTriggerTests : TriggerTest
{
    [Fact]
    public async Task Created_opens_a_checkout_for_the_product_and_customer()
    {
        var pro = await MonthlyAsync("Pro", 1500);
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Cancel);
        var body = Trigger("checkout.created", "product_id", pro.Id);
        body["customer_id"] = customer.Id;

        var answer = As<Checkout>(await TriggerAsync(body, "checkout.created"));

        var checkout = await Polar.Checkouts.GetAsync(answer.Id, cancellationToken: Cancel);
        Assert.Equal(CheckoutStatus.Open, checkout.Status);
        Assert.Equal(pro.Id, checkout.ProductId);
        Assert.Equal(customer.Id, checkout.CustomerId);
        Assert.Equal("ada@example.com", checkout.CustomerEmail);
    }

    [Fact]
    public async Task Expired_expires_the_open_checkout_now()
    {
        var pro = await MonthlyAsync("Pro", 1500);
        var open = await Polar.Checkouts.CreateAsync(new CheckoutProductsCreate { Products = [pro.Id] }, cancellationToken: Cancel);
        MoveTo(Start.AddHours(2));

        var answer = As<Checkout>(await TriggerAsync(Trigger("checkout.expired", "checkout_id", open.Id), "checkout.expired"));

        Assert.Equal(CheckoutStatus.Expired, answer.Status);
        var expired = await Polar.Checkouts.GetAsync(open.Id, cancellationToken: Cancel);
        Assert.Equal(CheckoutStatus.Expired, expired.Status);
        Assert.True(expired.ExpiresAt < Start.AddHours(2));
        var (status, body) = await SendAsync(HttpMethod.Post, $"/emulator/checkouts/{open.Id}/complete", "{}");
        Assert.Equal(410, status);
        Assert.Equal("ExpiredCheckoutError", (string?)body!["error"]);
    }

    [Fact]
    public async Task Expiring_a_checkout_that_is_not_open_is_Polars_NotOpenCheckout()
    {
        var pro = await MonthlyAsync("Pro", 1500);
        var open = await Polar.Checkouts.CreateAsync(new CheckoutProductsCreate { Products = [pro.Id] }, cancellationToken: Cancel);
        await SendTriggerAsync(Trigger("checkout.expired", "checkout_id", open.Id));

        await RefusedAsync(Trigger("checkout.expired", "checkout_id", open.Id), 403, "NotOpenCheckout");
    }
}
