using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Checkouts;

public sealed class CheckoutListTests : CheckoutFlowTest
{
    [Fact]
    public async Task Checkouts_filter_by_product_status_customer_and_email_newest_first()
    {
        var ebook = await OneTimeProductAsync();
        var course = await OneTimeProductAsync("Billing course", 9900);
        var first = await CheckoutAsync(ebook, c => c.ExternalCustomerId = "user_1");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await CheckoutAsync(course, c => c.CustomerEmail = "grace@example.com");
        await CompleteAsync(first.Id);
        var customerId = (await Polar.Checkouts.GetAsync(first.Id, cancellationToken: TestContext.Current.CancellationToken)).CustomerId!;
        var ct = TestContext.Current.CancellationToken;

        var all = await Polar.Checkouts.ListAsync(cancellationToken: ct);
        var byProduct = await Polar.Checkouts.ListAsync(new CheckoutListOptions { ProductId = [course.Id] }, cancellationToken: ct);
        var byStatus = await Polar.Checkouts.ListAsync(new CheckoutListOptions { Status = [CheckoutStatus.Succeeded] }, cancellationToken: ct);
        var byCustomer = await Polar.Checkouts.ListAsync(new CheckoutListOptions { CustomerId = [customerId] }, cancellationToken: ct);
        var byExternalId = await Polar.Checkouts.ListAsync(new CheckoutListOptions { ExternalCustomerId = ["user_1"] }, cancellationToken: ct);
        var byQuery = await Polar.Checkouts.ListAsync(new CheckoutListOptions { Query = "GRACE" }, cancellationToken: ct);

        Assert.Equal([second.Id, first.Id], all.Items.Select(c => c.Id));
        Assert.Equal([second.Id], byProduct.Items.Select(c => c.Id));
        Assert.Equal([first.Id], byStatus.Items.Select(c => c.Id));
        Assert.Equal([first.Id], byCustomer.Items.Select(c => c.Id));
        Assert.Equal([first.Id], byExternalId.Items.Select(c => c.Id));
        Assert.Equal([second.Id], byQuery.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Sorting_by_an_unknown_field_is_422()
    {
        var (status, _) = await SendAsync(HttpMethod.Get, "/v1/checkouts/?sorting=amount");

        Assert.Equal(422, status);
    }
}
