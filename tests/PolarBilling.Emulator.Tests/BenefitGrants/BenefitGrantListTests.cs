using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Subscriptions;
using Xunit;

namespace PolarBilling.Emulator.Tests.BenefitGrants;

/// <summary><c>GET /v1/benefit-grants/</c>: filters by customer, external id and state; newest first; Polar's sort fields only.</summary>
public sealed class BenefitGrantListTests : SubscriptionTest
{
    [Fact]
    public async Task Filters_by_customer_external_id_and_granted_state()
    {
        var product = await WithBenefitsAsync(await MonthlyAsync("Basic", 2900), await FeatureFlagAsync());
        var ada = await SubscribeAsync(product, "ada@example.com");
        MoveTo(Start.AddMinutes(1));
        var grace = await SubscribeAsync(product, "grace@example.com");
        await Polar.Customers.UpdateAsync(grace.CustomerId, new CustomerUpdate { ExternalId = "grace" }, cancellationToken: Cancel);
        await Polar.Subscriptions.RevokeAsync(ada.Id, cancellationToken: Cancel);

        var all = await Polar.BenefitGrants.ListAsync(cancellationToken: Cancel);
        var byCustomer = await Polar.BenefitGrants.ListAsync(new BenefitGrantListOptions { CustomerId = [ada.CustomerId] }, cancellationToken: Cancel);
        var active = await Polar.BenefitGrants.ListActiveForExternalCustomerAsync("grace", cancellationToken: Cancel).ToListAsync(Cancel);
        var revoked = await Polar.BenefitGrants.ListAsync(new BenefitGrantListOptions { IsGranted = false }, cancellationToken: Cancel);

        Assert.Equal([grace.CustomerId, ada.CustomerId], all.Items.Select(g => g.CustomerId));
        Assert.Equal(ada.CustomerId, Assert.Single(byCustomer.Items).CustomerId);
        Assert.Equal(grace.CustomerId, Assert.Single(active).CustomerId);
        Assert.Equal("grace", active[0].Customer.ExternalId);
        Assert.Equal(ada.CustomerId, Assert.Single(revoked.Items).CustomerId);
    }

    [Fact]
    public async Task Only_polars_sort_fields_are_accepted()
    {
        var (ok, _) = await SendAsync(HttpMethod.Get, "/v1/benefit-grants/?sorting=-granted_at&sorting=revoked_at");
        var (bad, body) = await SendAsync(HttpMethod.Get, "/v1/benefit-grants/?sorting=benefit");

        Assert.Equal(200, ok);
        Assert.Equal(422, bad);
        Assert.Equal("enum", (string?)body!["detail"]![0]!["type"]);
    }
}
