using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Subscriptions;

/// <summary><c>GET /v1/subscriptions/</c> filters and sorting (default <c>-started_at</c>), and <c>subscriptions:get</c>.</summary>
public sealed class SubscriptionListTests : SubscriptionTest
{
    [Fact]
    public async Task Lists_newest_start_first_and_filters_the_way_polar_does()
    {
        var basic = await MonthlyAsync("Basic", 2900);
        var pro = await MonthlyAsync("Pro", 9900);
        var first = await SubscribeAsync(basic, "ada@example.com");
        MoveTo(Start.AddHours(1));
        var second = await SubscribeAsync(pro, "grace@example.com");
        MoveTo(Start.AddHours(2));
        var third = await SubscribeAsync(basic, "alan@example.com");
        await Polar.Subscriptions.CancelAtPeriodEndAsync(third.Id, cancellationToken: Cancel);
        await Polar.Subscriptions.RevokeAsync(second.Id, cancellationToken: Cancel);

        var all = await Polar.Subscriptions.ListAsync(cancellationToken: Cancel);
        var byProduct = await Polar.Subscriptions.ListAsync(new SubscriptionListOptions { ProductId = [basic.Id] }, cancellationToken: Cancel);
        var active = await Polar.Subscriptions.ListAsync(new SubscriptionListOptions { Active = true }, cancellationToken: Cancel);
        var canceling = await Polar.Subscriptions.ListAsync(new SubscriptionListOptions { CancelAtPeriodEnd = true }, cancellationToken: Cancel);
        var revoked = await Polar.Subscriptions.ListAsync(new SubscriptionListOptions { Status = [SubscriptionStatus.Canceled] }, cancellationToken: Cancel);
        var byCustomer = await Polar.Subscriptions.ListAsync(new SubscriptionListOptions { CustomerId = [first.CustomerId] }, cancellationToken: Cancel);
        var byAmount = await Polar.Subscriptions.ListAsync(new SubscriptionListOptions { Sorting = ["-amount", "started_at"] }, cancellationToken: Cancel);

        Assert.Equal([third.Id, second.Id, first.Id], all.Items.Select(s => s.Id));
        Assert.Equal(3, all.Pagination.TotalCount);
        Assert.Equal([third.Id, first.Id], byProduct.Items.Select(s => s.Id));
        Assert.Equal([third.Id, first.Id], active.Items.Select(s => s.Id));
        Assert.Equal([third.Id], canceling.Items.Select(s => s.Id));
        Assert.Equal([second.Id], revoked.Items.Select(s => s.Id));
        Assert.Equal([first.Id], byCustomer.Items.Select(s => s.Id));
        Assert.Equal([second.Id, first.Id, third.Id], byAmount.Items.Select(s => s.Id));
    }

    [Fact]
    public async Task Filters_by_external_customer_id_and_metadata()
    {
        var basic = await MonthlyAsync("Basic", 2900);
        var subscription = await SubscribeAsync(basic);
        await Polar.Customers.UpdateAsync(subscription.CustomerId, new CustomerUpdate { ExternalId = "user_42" }, cancellationToken: Cancel);
        await Polar.Subscriptions.UpdateMetadataAsync(subscription.Id, new Dictionary<string, MetadataValue> { ["team"] = "core" }, cancellationToken: Cancel);

        var byExternal = await Polar.Subscriptions.ListAsync(new SubscriptionListOptions { ExternalCustomerId = ["user_42"] }, cancellationToken: Cancel);
        var byMetadata = await Polar.Subscriptions.ListAsync(new SubscriptionListOptions { Metadata = new Dictionary<string, MetadataValue> { ["team"] = "core" } }, cancellationToken: Cancel);
        var none = await Polar.Subscriptions.ListAsync(new SubscriptionListOptions { Metadata = new Dictionary<string, MetadataValue> { ["team"] = "growth" } }, cancellationToken: Cancel);

        Assert.Equal(subscription.Id, Assert.Single(byExternal.Items).Id);
        Assert.Equal(subscription.Id, Assert.Single(byMetadata.Items).Id);
        Assert.Empty(none.Items);
    }

    [Fact]
    public async Task A_bad_status_or_sort_field_is_422()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/subscriptions/?status=sleeping");
        var (sortStatus, _) = await SendAsync(HttpMethod.Get, "/v1/subscriptions/?sorting=price");

        Assert.Equal(422, status);
        Assert.Equal("enum", (string?)body!["detail"]![0]!["type"]);
        Assert.Equal(422, sortStatus);
    }

    [Fact]
    public async Task Get_embeds_the_current_customer_and_product()
    {
        var subscription = await SubscribeAsync(await MonthlyAsync("Basic", 2900));
        await Polar.Customers.UpdateAsync(subscription.CustomerId, new CustomerUpdate { Name = "Ada Lovelace" }, cancellationToken: Cancel);
        await Polar.Products.UpdateAsync(subscription.ProductId, new ProductUpdate { Name = "Basic plan" }, cancellationToken: Cancel);

        var fresh = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: Cancel);

        Assert.Equal("Ada Lovelace", fresh.Customer.Name);
        Assert.Equal("Basic plan", fresh.Product.Name);
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/v1/subscriptions/{Guid.NewGuid()}")).Status);
    }
}
