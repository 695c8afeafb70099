using System.Text;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Subscriptions;

/// <summary>
/// <c>GET</c>/<c>PUT /emulator/state</c> carry what subscriptions keep besides their models: waiting prorations, the
/// hidden half of a pending update, anchors, benefit grants and seat invitations.
/// </summary>
public sealed class SubscriptionStateExportTests : SubscriptionTest
{
    [Fact]
    public async Task An_export_imported_after_a_reset_bills_renews_and_claims_as_before()
    {
        var basic = await MonthlyAsync("Basic", 2900);
        var pro = await WithBenefitsAsync(await MonthlyAsync("Pro", 9900), await FeatureFlagAsync());
        var prorated = await SubscribeAsync(basic, "ada@example.com");
        var scheduled = await SubscribeAsync(basic, "grace@example.com");
        var team = await SubscribeAsync(await SeatsProductAsync("Team", perSeat: 1000), "alan@example.com", seats: 2);
        MoveTo(Start.AddDays(15));
        await Polar.Subscriptions.ChangeProductAsync(prorated.Id, pro.Id, SubscriptionProrationBehavior.Prorate, cancellationToken: Cancel);
        await Polar.Subscriptions.ChangeProductAsync(scheduled.Id, pro.Id, SubscriptionProrationBehavior.NextPeriod, cancellationToken: Cancel);
        var (_, seat) = await SendAsync(HttpMethod.Post, "/v1/customer-seats", $$"""{"subscription_id":"{{team.Id}}","email":"linus@example.com"}""");
        string token;
        lock (Emulator.State.Gate)
        {
            token = Emulator.State.CustomerSeats.InvitationTokens[(string)seat!["id"]!];
        }

        var export = await Http.GetStringAsync("/emulator/state", Cancel);
        Assert.Equal(204, (await SendAsync(HttpMethod.Post, "/emulator/reset")).Status);
        Assert.Empty((await Polar.Subscriptions.ListAsync(cancellationToken: Cancel)).Items);
        using var content = new StringContent(export, Encoding.UTF8, "application/json");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await Http.PutAsync("/emulator/state", content, Cancel)).StatusCode);

        Assert.Equal(3, (await Polar.Subscriptions.ListAsync(cancellationToken: Cancel)).Items.Count);
        Assert.Equal(pro.Id, (await Polar.Subscriptions.GetAsync(scheduled.Id, cancellationToken: Cancel)).PendingUpdate!.ProductId);
        Assert.Single((await Polar.BenefitGrants.ListAsync(new BenefitGrantListOptions { IsGranted = true }, cancellationToken: Cancel)).Items);
        var (claim, _) = await SendAsync(HttpMethod.Post, "/v1/customer-seats/claim", new JsonObject { ["invitation_token"] = token }.ToJsonString());
        Assert.Equal(200, claim);
        MoveTo(Start.AddDays(30));
        await RenewAsync(prorated.Id);
        Assert.Equal([-1450L, 4950L, 9900L], (await OrdersAsync(prorated.Id))[^1].Items.Select(i => i.Amount));
        Assert.Equal(pro.Id, (await RenewAsync(scheduled.Id)).ProductId);
        Assert.Contains("\"ledgers\"", export, StringComparison.Ordinal);
        Assert.Contains("\"invitation_tokens\"", export, StringComparison.Ordinal);
    }
}
