using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

public sealed class CheckoutBenefitTests : CheckoutFlowTest
{
    [Fact]
    public async Task A_one_time_purchase_grants_the_products_benefits_after_the_checkout_succeeds()
    {
        var ebook = await ProductWithBenefitAsync(await OneTimeProductAsync());
        var checkout = await CheckoutAsync(ebook);
        TakeWebhooks();

        await CompleteAsync(checkout.Id);

        var events = TakeWebhooks();
        var types = events.Select(e => e.Type).ToList();
        Assert.Equal(
            ["checkout.updated", "customer.created", "customer.state_changed", "order.created", "order.updated", "order.paid", "checkout.updated", "benefit_grant.created"],
            types.Take(8));
        var grant = ((BenefitGrantCreatedWebhookEvent)events[7]).Data;
        Assert.Equal(((OrderPaidWebhookEvent)events[5]).Data.Id, grant.OrderId);
        Assert.Equal("customer.state_changed", types[^1]);
    }

    [Fact]
    public async Task Refunding_a_one_time_order_with_revoke_benefits_revokes_its_grants_before_refund_updated()
    {
        var ct = TestContext.Current.CancellationToken;
        var ebook = await ProductWithBenefitAsync(await OneTimeProductAsync(amount: 2500));
        var order = await BuyAsync(ebook);

        await Polar.Refunds.CreateAsync(new RefundCreate { OrderId = order.Id, Reason = "customer_request", Amount = 2500, RevokeBenefits = true }, cancellationToken: ct);

        var types = TakeWebhooks().Select(e => e.Type).ToList();
        Assert.Equal(["order.updated", "refund.created", "order.refunded", "benefit_grant.revoked"], types.Take(4));
        Assert.Equal("refund.updated", types[^1]);
        var grants = await Polar.BenefitGrants.ListAsync(new BenefitGrantListOptions { CustomerId = [order.CustomerId] }, cancellationToken: ct);
        Assert.False(Assert.Single(grants.Items).IsGranted);
    }

    private async Task<Product> ProductWithBenefitAsync(Product product)
    {
        var benefit = await Polar.Benefits.CreateAsync(
            new BenefitCustomCreate { Description = "Private community", Properties = new BenefitCustomCreateProperties { Note = "Welcome!" } },
            cancellationToken: TestContext.Current.CancellationToken);
        return await Polar.Products.SetBenefitsAsync(product.Id, [benefit.Id], cancellationToken: TestContext.Current.CancellationToken);
    }
}
