using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Discounts;

public sealed class DiscountDeletionTests : EmulatorTest
{
    [Fact]
    public async Task A_deleted_discount_is_gone_and_frees_its_code()
    {
        var ct = TestContext.Current.CancellationToken;
        var discount = await Polar.Discounts.CreateAsync(new DiscountPercentageCreate { Name = "Spring", Code = "SPRING", BasisPoints = 1000, Duration = DiscountDuration.Once }, cancellationToken: ct);
        TakeWebhooks();

        await Polar.Discounts.DeleteAsync(discount.Id, cancellationToken: ct);

        var deleted = (DiscountDeletedWebhookEvent)Assert.Single(AssertWebhooks("discount.deleted"));
        Assert.Equal(discount.Id, deleted.Data.Id);
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/v1/discounts/{discount.Id}")).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Delete, $"/v1/discounts/{discount.Id}")).Status);
        Assert.Empty((await Polar.Discounts.ListAsync(cancellationToken: ct)).Items);
        lock (Emulator.State.Gate)
        {
            Assert.Null(DiscountRules.FindRedeemable(Emulator.State, "spring", "any-product"));
            Assert.NotNull(Emulator.State.Discounts.Find(discount.Id));
        }

        var (status, _) = await SendAsync(HttpMethod.Post, "/v1/discounts/", """{"type": "percentage", "name": "Spring again", "code": "SPRING", "basis_points": 500, "duration": "once"}""");
        Assert.Equal(201, status);
    }
}
