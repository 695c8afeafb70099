using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Benefits;

public sealed class BenefitListTests : EmulatorTest
{
    [Fact]
    public async Task Benefits_filter_by_type_description_id_and_metadata()
    {
        var ct = TestContext.Current.CancellationToken;
        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", new Dictionary<string, MetadataValue> { ["key"] = "api" }, cancellationToken: ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var support = await Polar.Benefits.CreateCustomAsync("Priority support", cancellationToken: ct);

        Assert.Equal([support.Id, flag.Id], Ids(await Polar.Benefits.ListAsync(cancellationToken: ct)));
        Assert.Equal([flag.Id], Ids(await Polar.Benefits.ListAsync(new BenefitListOptions { Type = [BenefitType.FeatureFlag] }, cancellationToken: ct)));
        Assert.Equal([support.Id], Ids(await Polar.Benefits.ListAsync(new BenefitListOptions { Query = "SUPPORT" }, cancellationToken: ct)));
        Assert.Equal([support.Id], Ids(await Polar.Benefits.ListAsync(new BenefitListOptions { ExcludeId = [flag.Id] }, cancellationToken: ct)));
        Assert.Equal([flag.Id], Ids(await Polar.Benefits.ListAsync(new BenefitListOptions { Metadata = new Dictionary<string, MetadataValue> { ["key"] = "api" } }, cancellationToken: ct)));
        Assert.Equal([flag.Id, support.Id], Ids(await Polar.Benefits.ListAsync(new BenefitListOptions { Sorting = ["description"] }, cancellationToken: ct)));
    }

    [Fact]
    public async Task Benefits_are_paged()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++)
        {
            await Polar.Benefits.CreateFeatureFlagAsync($"Flag {i}", cancellationToken: ct);
        }

        var (_, page) = await SendAsync(HttpMethod.Get, "/v1/benefits/?limit=2&page=2");

        Assert.Single(page!["items"]!.AsArray());
        Assert.Equal(2, (int)page["pagination"]!["max_page"]!);
    }

    private static string[] Ids(PolarList<Benefit> list) => [.. list.Items.Select(b => b.Id)];
}
