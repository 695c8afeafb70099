using PolarBilling.Client;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Discounts;

public sealed class DiscountListTests : EmulatorTest
{
    [Fact]
    public async Task Discounts_filter_by_name_or_code_and_sort()
    {
        var ct = TestContext.Current.CancellationToken;
        var spring = await Polar.Discounts.CreateAsync(new DiscountPercentageCreate { Name = "Spring sale", Code = "BLOOM", BasisPoints = 1000, Duration = DiscountDuration.Once }, cancellationToken: ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var partner = await Polar.Discounts.CreateAsync(new DiscountPercentageCreate { Name = "Partner", Code = "ACME", BasisPoints = 2000, Duration = DiscountDuration.Forever }, cancellationToken: ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var internalOnly = await Polar.Discounts.CreateAsync(new DiscountPercentageCreate { Name = "Staff", BasisPoints = 5000, Duration = DiscountDuration.Forever }, cancellationToken: ct);
        lock (Emulator.State.Gate)
        {
            DiscountRules.Redeem(Emulator.State, Emulator.State.Discounts.Get(spring.Id));
        }

        Assert.Equal([internalOnly.Id, partner.Id, spring.Id], Ids(await Polar.Discounts.ListAsync(cancellationToken: ct)));
        Assert.Equal([spring.Id], Ids(await Polar.Discounts.ListAsync(new DiscountListOptions { Query = "spring" }, cancellationToken: ct)));
        Assert.Equal([partner.Id], Ids(await Polar.Discounts.ListAsync(new DiscountListOptions { Query = "acm" }, cancellationToken: ct)));
        Assert.Equal([partner.Id, spring.Id, internalOnly.Id], Ids(await Polar.Discounts.ListAsync(new DiscountListOptions { Sorting = ["code"] }, cancellationToken: ct)));
        Assert.Equal(spring.Id, Ids(await Polar.Discounts.ListAsync(new DiscountListOptions { Sorting = ["-redemptions_count"] }, cancellationToken: ct))[0]);
    }

    [Fact]
    public async Task Discounts_are_paged()
    {
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(HttpMethod.Post, "/v1/discounts/", $$"""{"type": "percentage", "name": "D{{i}}", "basis_points": 100, "duration": "once"}""");
        }

        var (_, page) = await SendAsync(HttpMethod.Get, "/v1/discounts/?limit=2&page=2");

        Assert.Single(page!["items"]!.AsArray());
        Assert.Equal(3, (int)page["pagination"]!["total_count"]!);
        Assert.Equal(2, (int)page["pagination"]!["max_page"]!);
    }

    private static string[] Ids(PolarList<Discount> list) => [.. list.Items.Select(d => d.Id)];
}
