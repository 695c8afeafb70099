using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Customers;

public sealed class CustomerListTests : EmulatorTest
{
    private async Task<Customer> CreateAsync(string email, string? name = null, string? externalId = null, string? tier = null)
    {
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate
        {
            Email = email,
            Name = name,
            ExternalId = externalId,
            Metadata = tier is null ? null : new() { ["tier"] = tier },
        }, cancellationToken: TestContext.Current.CancellationToken);
        Clock.Advance(TimeSpan.FromSeconds(1));
        return customer;
    }

    [Fact]
    public async Task Customers_are_listed_newest_first_in_pages_of_the_asked_size()
    {
        var a = await CreateAsync("a@example.com");
        var b = await CreateAsync("b@example.com");
        var c = await CreateAsync("c@example.com");

        var first = await Polar.Customers.ListAsync(new CustomerListOptions { Limit = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        var second = await Polar.Customers.ListAsync(new CustomerListOptions { Limit = 2, Page = 2 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([c.Id, b.Id], first.Items.Select(x => x.Id));
        Assert.Equal([a.Id], second.Items.Select(x => x.Id));
        Assert.Equal((3L, 2), (first.Pagination.TotalCount!.Value, first.Pagination.MaxPage!.Value));
    }

    [Fact]
    public async Task Email_query_and_metadata_filters_narrow_the_list()
    {
        var ada = await CreateAsync("ada@example.com", "Ada Lovelace", "user_1", tier: "gold");
        var alan = await CreateAsync("alan@example.com", "Alan Turing", "user_2", tier: "silver");
        await CreateAsync("grace@example.com", "Grace Hopper", "other_3", tier: "gold");

        var byEmail = await Polar.Customers.ListAsync(new CustomerListOptions { Email = "ADA@example.com" }, cancellationToken: TestContext.Current.CancellationToken);
        var byName = await Polar.Customers.ListAsync(new CustomerListOptions { Query = "turing" }, cancellationToken: TestContext.Current.CancellationToken);
        var byExternalPrefix = await Polar.Customers.ListAsync(new CustomerListOptions { Query = "user_", Sorting = ["email"] }, cancellationToken: TestContext.Current.CancellationToken);
        var byMetadata = await Polar.Customers.ListAsync(new CustomerListOptions { Metadata = new Dictionary<string, MetadataValue> { ["tier"] = "gold" }, Sorting = ["created_at"] }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([ada.Id], byEmail.Items.Select(x => x.Id));
        Assert.Equal([alan.Id], byName.Items.Select(x => x.Id));
        Assert.Equal([ada.Id, alan.Id], byExternalPrefix.Items.Select(x => x.Id));
        Assert.Equal(2, byMetadata.Items.Count);
        Assert.Equal(ada.Id, byMetadata.Items[0].Id);
    }

    [Fact]
    public async Task Sorting_by_name_descending_and_an_unknown_sort_field_is_a_422()
    {
        await CreateAsync("x@example.com", "Bob");
        await CreateAsync("y@example.com", "Carol");

        var sorted = await Polar.Customers.ListAsync(new CustomerListOptions { Sorting = ["-name"] }, cancellationToken: TestContext.Current.CancellationToken);
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/customers/?sorting=age");

        Assert.Equal(["Carol", "Bob"], sorted.Items.Select(x => x.Name));
        Assert.Equal(422, status);
        Assert.Equal("""["query","sorting",0]""", body!["detail"]![0]!["loc"]!.ToJsonString());
    }

    [Fact]
    public async Task A_customer_is_read_by_id_and_active_lists_only_customers_with_a_live_subscription()
    {
        var subscribed = await CreateAsync("s@example.com");
        var idle = await CreateAsync("i@example.com");
        await Meters.UsageSetup.SubscribeAsync(Emulator, Polar, subscribed.Id);

        var read = await Polar.Customers.GetAsync(idle.Id, cancellationToken: TestContext.Current.CancellationToken);
        var active = await Polar.Customers.ListAsync(new CustomerListOptions { Active = true }, cancellationToken: TestContext.Current.CancellationToken);
        var inactive = await Polar.Customers.ListAsync(new CustomerListOptions { Active = false }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("i@example.com", ((CustomerIndividual)read).Email);
        Assert.Equal([subscribed.Id], active.Items.Select(c => c.Id));
        Assert.Equal([idle.Id], inactive.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_limit_above_100_is_clamped()
    {
        await CreateAsync("x@example.com");

        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/customers/?limit=500");

        Assert.Equal(200, status);
        Assert.Equal(1, body!["pagination"]!["max_page"]!.GetValue<int>());
    }
}
