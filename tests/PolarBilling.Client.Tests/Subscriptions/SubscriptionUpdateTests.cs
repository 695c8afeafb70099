using System.Text.Json;
using PolarBilling.Client.Tests.Infrastructure;
using PolarBilling.Client.Tests.Conformance;
using Xunit;

namespace PolarBilling.Client.Tests.Subscriptions;

/// <summary>
/// Every named update sends exactly its <c>SubscriptionUpdate</c> variant's fields, nothing else, as a body the spec
/// accepts; and the raw <see cref="SubscriptionsService.UpdateAsync"/> sends any variant as it is.
/// </summary>
public sealed class SubscriptionUpdateTests
{
    private const string Id = SubscriptionFixtures.SeatsId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> NamedUpdates() => new()
    {
        { "ChangeProduct", $$"""{"product_id":"{{SubscriptionFixtures.TeamId}}"}""" },
        { "CancelAtPeriodEnd", """{"cancel_at_period_end":true}""" },
        { "CancelAtPeriodEnd with reason and comment", """{"cancel_at_period_end":true,"customer_cancellation_reason":"missing_features","customer_cancellation_comment":"Needs SSO."}""" },
        { "Uncancel", """{"cancel_at_period_end":false}""" },
        { "RevokeWithReason", """{"revoke":true,"customer_cancellation_reason":"customer_service"}""" },
        { "RevokeWithReason and comment", """{"revoke":true,"customer_cancellation_reason":"other","customer_cancellation_comment":"Closing the company."}""" },
        { "Pause", """{"pause_at_period_end":true}""" },
        { "Pause until", """{"pause_at_period_end":true,"resumes_at":"2026-06-01T00:00:00Z"}""" },
        { "CancelScheduledPause", """{"pause_at_period_end":false}""" },
        { "Resume", """{"resume":true}""" },
        { "UpdateSeats", """{"seats":8}""" },
        { "UpdateSeats with proration", """{"seats":3,"proration_behavior":"next_period"}""" },
        { "ApplyDiscount", $$"""{"discount_id":"{{SubscriptionFixtures.LaunchDiscountId}}"}""" },
        { "RemoveDiscount", """{"discount_id":null}""" },
        { "EndTrial", """{"trial_end":"now"}""" },
        { "SetTrialEnd", """{"trial_end":"2026-04-17T09:15:00Z"}""" },
        { "SetBillingPeriodEnd", """{"current_billing_period_end":"2026-04-15T00:00:00Z"}""" },
        { "ClearPendingUpdate", """{"pending_update":null}""" },
        { "UpdateMetadata", """{"metadata":{"workspace_id":"ws_8812","seats_purchased":8}}""" },
    };

    [Theory]
    [MemberData(nameof(NamedUpdates))]
    public async Task Each_named_update_patches_exactly_its_variants_fields(string call, string expectedBody)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(200, SubscriptionFixtures.ActiveSeats));
        var client = server.CreateClient();

        var subscription = await Call(client.Subscriptions, call);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", "/v1/subscriptions/" + Id, ""), (request.Method, request.Path, request.QueryString));
        ExactJson.Equal(expectedBody, request.BodyText);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(Id, subscription.Id);
    }

    [Theory]
    [InlineData("invoice")]
    [InlineData("prorate")]
    [InlineData("next_period")]
    [InlineData("reset")]
    public async Task Change_product_sends_each_proration_behavior_with_the_product(string behavior)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(200, SubscriptionFixtures.ActiveSeats));
        var client = server.CreateClient();

        await client.Subscriptions.ChangeProductAsync(Id, SubscriptionFixtures.TeamId, SubscriptionProrationBehavior.From(behavior), cancellationToken: Ct);

        ExactJson.Equal($$"""{"product_id":"{{SubscriptionFixtures.TeamId}}","proration_behavior":"{{behavior}}"}""", Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    public static TheoryData<string, string> RawVariants() => new()
    {
        { "SubscriptionUpdateBase", """{"product_id":"4c7d9e1f-2a3b-4c5d-8e6f-7a8b9c0d1e2f","proration_behavior":"invoice","discount_id":"e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a51","metadata":{"plan_key":"team"}}""" },
        { "SubscriptionUpdateSeats", """{"seats":12,"proration_behavior":"prorate"}""" },
        { "SubscriptionUpdateBillingPeriod", """{"current_billing_period_end":"2026-05-01T00:00:00Z"}""" },
        { "SubscriptionCancel", """{"cancel_at_period_end":true,"customer_cancellation_reason":"switched_service"}""" },
        { "SubscriptionRevoke", """{"revoke":true}""" },
        { "SubscriptionPause", """{"pause_at_period_end":true,"resumes_at":"2026-07-01T00:00:00Z"}""" },
        { "SubscriptionResume", """{"resume":true}""" },
        { "SubscriptionUpdateClear", """{"pending_update":null}""" },
    };

    [Theory]
    [MemberData(nameof(RawVariants))]
    public async Task The_raw_update_sends_any_variant_as_it_is(string variant, string body)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(200, SubscriptionFixtures.ActiveSeats));
        var client = server.CreateClient();
        var update = Serialization.PolarJson.Deserialize<SubscriptionUpdate>(body);
        Assert.Equal(variant, update.GetType().Name);

        await client.Subscriptions.UpdateAsync(Id, update, cancellationToken: Ct);

        ExactJson.Equal(body, Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Remove_discount_sends_an_explicit_null_because_an_omitted_field_changes_nothing()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(200, SubscriptionFixtures.Trialing));
        var client = server.CreateClient();

        var subscription = await client.Subscriptions.RemoveDiscountAsync(Id, cancellationToken: Ct);

        Assert.Equal("""{"discount_id":null}""", Assert.Single(server.Requests).BodyText);
        Assert.Null(subscription.DiscountId);
    }

    [Fact]
    public async Task Clear_pending_update_sends_an_explicit_null()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(200, SubscriptionFixtures.Trialing));
        var client = server.CreateClient();

        var subscription = await client.Subscriptions.ClearPendingUpdateAsync(Id, cancellationToken: Ct);

        Assert.Equal("""{"pending_update":null}""", Assert.Single(server.Requests).BodyText);
        Assert.Null(subscription.PendingUpdate);
    }

    [Fact]
    public async Task Set_trial_end_writes_the_instant_in_utc()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(200, SubscriptionFixtures.Trialing));
        var client = server.CreateClient();

        await client.Subscriptions.SetTrialEndAsync(Id, DateTimeOffset.Parse("2026-04-17T11:15:00.25+02:00"), cancellationToken: Ct);

        ExactJson.Equal("""{"trial_end":"2026-04-17T09:15:00.250000Z"}""", Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task An_update_kind_this_client_does_not_know_is_sent_unchanged_and_never_repeated()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Once(LoopbackResponse.Empty(503)).Always(LoopbackResponse.Json(200, SubscriptionFixtures.ActiveSeats));
        var client = server.CreateClient();
        using var value = JsonDocument.Parse("""{"price_id":"0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e","at":"period_end"}""");
        var update = new UnknownSubscriptionUpdate { AdditionalProperties = new Dictionary<string, JsonElement> { ["migrate_to"] = value.RootElement.Clone() } };

        await Assert.ThrowsAsync<PolarServerException>(() => client.Subscriptions.UpdateAsync(Id, update, cancellationToken: Ct));

        ExactJson.Equal("""{"migrate_to":{"price_id":"0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e","at":"period_end"}}""", Assert.Single(server.Requests).BodyText);
    }

    [Fact]
    public void An_update_with_fields_this_client_does_not_know_round_trips_unchanged()
    {
        const string json = """{"migrate_to":{"price_id":"0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e"},"proration_behavior":"future_behavior"}""";

        var update = Serialization.PolarJson.Deserialize<SubscriptionUpdate>(json);

        ExactJson.Equal(json, Serialization.PolarJson.Serialize(update));
    }

    private static Task<Subscription> Call(SubscriptionsService subscriptions, string call) => call switch
    {
        "ChangeProduct" => subscriptions.ChangeProductAsync(Id, SubscriptionFixtures.TeamId, cancellationToken: Ct),
        "CancelAtPeriodEnd" => subscriptions.CancelAtPeriodEndAsync(Id, cancellationToken: Ct),
        "CancelAtPeriodEnd with reason and comment" => subscriptions.CancelAtPeriodEndAsync(Id, CustomerCancellationReason.MissingFeatures, "Needs SSO.", cancellationToken: Ct),
        "Uncancel" => subscriptions.UncancelAsync(Id, cancellationToken: Ct),
        "RevokeWithReason" => subscriptions.RevokeWithReasonAsync(Id, CustomerCancellationReason.CustomerService, cancellationToken: Ct),
        "RevokeWithReason and comment" => subscriptions.RevokeWithReasonAsync(Id, CustomerCancellationReason.Other, "Closing the company.", cancellationToken: Ct),
        "Pause" => subscriptions.PauseAsync(Id, cancellationToken: Ct),
        "Pause until" => subscriptions.PauseAsync(Id, DateTimeOffset.Parse("2026-06-01T00:00:00Z"), cancellationToken: Ct),
        "CancelScheduledPause" => subscriptions.CancelScheduledPauseAsync(Id, cancellationToken: Ct),
        "Resume" => subscriptions.ResumeAsync(Id, cancellationToken: Ct),
        "UpdateSeats" => subscriptions.UpdateSeatsAsync(Id, 8, cancellationToken: Ct),
        "UpdateSeats with proration" => subscriptions.UpdateSeatsAsync(Id, 3, SubscriptionProrationBehavior.NextPeriod, cancellationToken: Ct),
        "ApplyDiscount" => subscriptions.ApplyDiscountAsync(Id, SubscriptionFixtures.LaunchDiscountId, cancellationToken: Ct),
        "RemoveDiscount" => subscriptions.RemoveDiscountAsync(Id, cancellationToken: Ct),
        "EndTrial" => subscriptions.EndTrialAsync(Id, cancellationToken: Ct),
        "SetTrialEnd" => subscriptions.SetTrialEndAsync(Id, DateTimeOffset.Parse("2026-04-17T09:15:00Z"), cancellationToken: Ct),
        "SetBillingPeriodEnd" => subscriptions.SetBillingPeriodEndAsync(Id, DateTimeOffset.Parse("2026-04-15T00:00:00Z"), cancellationToken: Ct),
        "ClearPendingUpdate" => subscriptions.ClearPendingUpdateAsync(Id, cancellationToken: Ct),
        "UpdateMetadata" => subscriptions.UpdateMetadataAsync(Id, new Dictionary<string, MetadataValue> { ["workspace_id"] = "ws_8812", ["seats_purchased"] = 8 }, cancellationToken: Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, "No such update."),
    };
}
