using PolarBilling.Client.Internal;
using Xunit;

namespace PolarBilling.Client.Tests.Paging;

public sealed class ListOptionsTests
{
    [Fact]
    public void Sorting_a_list_Polar_cannot_sort_is_refused_before_any_request()
    {
        var options = new WebhookEndpointListOptions { Sorting = ["-created_at"] };

        var error = Assert.Throws<ArgumentException>(() => options.AddTo(new PolarQuery()));

        Assert.Contains("WebhookEndpointListOptions.Sorting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sortable_lists_send_every_sort_key_in_order()
    {
        var query = new PolarQuery();

        new SubscriptionListOptions { Sorting = ["-started_at", "status"], Page = 2, Limit = 100 }.AddTo(query);

        Assert.Equal("?page=2&limit=100&sorting=-started_at&sorting=status", query.ToString());
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(null, 0)]
    public void Page_and_limit_below_one_are_refused(int? page, int? limit)
    {
        Assert.Throws<ArgumentException>(() => new ListOptions { Page = page, Limit = limit }.AddTo(new PolarQuery()));
    }
}
