using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Subscriptions;

/// <summary>
/// Which subscription writes ride out a 5xx: flags and scheduled changes are repeated, anything that can charge or
/// ends access for good is sent once (Polar has no idempotency keys), except after a 429, which Polar answers before acting.
/// </summary>
public sealed class SubscriptionRetryTests
{
    private const string Id = SubscriptionFixtures.SeatsId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("CancelAtPeriodEnd")]
    [InlineData("Uncancel")]
    [InlineData("Pause")]
    [InlineData("CancelScheduledPause")]
    [InlineData("ApplyDiscount")]
    [InlineData("RemoveDiscount")]
    [InlineData("ClearPendingUpdate")]
    [InlineData("UpdateMetadata")]
    public async Task Updates_that_cannot_charge_are_retried_after_a_5xx(string call)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath)
            .Once(LoopbackResponse.Json(503, """{"detail":"busy"}"""))
            .Always(LoopbackResponse.Json(200, SubscriptionFixtures.ActiveSeats));
        var client = server.CreateClient();

        await Call(client.Subscriptions, call);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].BodyText, server.Requests[1].BodyText);
    }

    [Theory]
    [InlineData("ChangeProduct")]
    [InlineData("UpdateSeats")]
    [InlineData("EndTrial")]
    [InlineData("SetTrialEnd")]
    [InlineData("SetBillingPeriodEnd")]
    [InlineData("Resume")]
    [InlineData("RevokeWithReason")]
    [InlineData("Revoke")]
    public async Task Updates_that_can_charge_or_end_access_are_sent_once_despite_a_5xx(string call)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Once(LoopbackResponse.Json(500, """{"detail":"boom"}""")).Always(LoopbackResponse.Json(200, SubscriptionFixtures.ActiveSeats));
        server.On("DELETE", SubscriptionFixtures.SubscriptionPath).Once(LoopbackResponse.Json(500, """{"detail":"boom"}""")).Always(LoopbackResponse.Json(200, SubscriptionFixtures.RevokedYearly));
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarServerException>(() => Call(client.Subscriptions, call));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_plan_change_is_retried_after_a_429_because_Polar_did_not_act_on_it()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Once(LoopbackResponse.RateLimited(0)).Always(LoopbackResponse.Json(200, SubscriptionFixtures.ActiveSeats));
        var client = server.CreateClient();

        await client.Subscriptions.ChangeProductAsync(Id, SubscriptionFixtures.TeamId, SubscriptionProrationBehavior.Invoice, cancellationToken: Ct);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_plan_change_that_times_out_is_not_repeated_and_says_to_look_it_up()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(200, SubscriptionFixtures.ActiveSeats).After(TimeSpan.FromSeconds(5)));
        var client = server.CreateClient(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAsync<PolarTimeoutException>(() => client.Subscriptions.UpdateSeatsAsync(Id, 8, cancellationToken: Ct));

        Assert.Single(server.Requests);
        Assert.Contains("may still have been applied", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_raw_update_treats_a_discount_only_base_update_as_safe_and_a_product_change_as_charging()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Empty(503));
        var client = server.CreateClient(o => o.MaxRetries = 2);

        await Assert.ThrowsAsync<PolarServerException>(() => client.Subscriptions.UpdateAsync(
            Id, new SubscriptionUpdateBase { DiscountId = SubscriptionFixtures.LaunchDiscountId }, cancellationToken: Ct));
        Assert.Equal(3, server.Requests.Count);

        await Assert.ThrowsAsync<PolarServerException>(() => client.Subscriptions.UpdateAsync(
            Id, new SubscriptionUpdateBase { DiscountId = SubscriptionFixtures.LaunchDiscountId, ProductId = SubscriptionFixtures.TeamId }, cancellationToken: Ct));
        Assert.Equal(4, server.Requests.Count);
    }

    private static Task<Subscription> Call(SubscriptionsService subscriptions, string call) => call switch
    {
        "CancelAtPeriodEnd" => subscriptions.CancelAtPeriodEndAsync(Id, cancellationToken: Ct),
        "Uncancel" => subscriptions.UncancelAsync(Id, cancellationToken: Ct),
        "Pause" => subscriptions.PauseAsync(Id, cancellationToken: Ct),
        "CancelScheduledPause" => subscriptions.CancelScheduledPauseAsync(Id, cancellationToken: Ct),
        "ApplyDiscount" => subscriptions.ApplyDiscountAsync(Id, SubscriptionFixtures.LaunchDiscountId, cancellationToken: Ct),
        "RemoveDiscount" => subscriptions.RemoveDiscountAsync(Id, cancellationToken: Ct),
        "ClearPendingUpdate" => subscriptions.ClearPendingUpdateAsync(Id, cancellationToken: Ct),
        "UpdateMetadata" => subscriptions.UpdateMetadataAsync(Id, new Dictionary<string, MetadataValue> { ["k"] = "v" }, cancellationToken: Ct),
        "ChangeProduct" => subscriptions.ChangeProductAsync(Id, SubscriptionFixtures.TeamId, SubscriptionProrationBehavior.Prorate, cancellationToken: Ct),
        "UpdateSeats" => subscriptions.UpdateSeatsAsync(Id, 8, cancellationToken: Ct),
        "EndTrial" => subscriptions.EndTrialAsync(Id, cancellationToken: Ct),
        "SetTrialEnd" => subscriptions.SetTrialEndAsync(Id, DateTimeOffset.Parse("2026-04-17T09:15:00Z"), cancellationToken: Ct),
        "SetBillingPeriodEnd" => subscriptions.SetBillingPeriodEndAsync(Id, DateTimeOffset.Parse("2026-04-15T00:00:00Z"), cancellationToken: Ct),
        "Resume" => subscriptions.ResumeAsync(Id, cancellationToken: Ct),
        "RevokeWithReason" => subscriptions.RevokeWithReasonAsync(Id, CustomerCancellationReason.Unused, cancellationToken: Ct),
        "Revoke" => subscriptions.RevokeAsync(Id, cancellationToken: Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, "No such call."),
    };
}
