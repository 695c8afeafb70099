using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Subscriptions;
using Xunit;

namespace PolarBilling.Emulator.Tests.CustomerSeats;

/// <summary>Seats of a seat-based subscription: assign, claim with the invitation, list, resend, revoke.</summary>
public sealed class CustomerSeatTests : SubscriptionTest
{
    [Fact]
    public async Task An_assigned_seat_is_claimed_with_its_invitation_and_grants_the_benefits()
    {
        var (subscription, flag) = await TeamAsync(seats: 3);

        var (status, assigned) = await AssignAsync(subscription.Id, """ "email":"grace@example.com" """);

        Assert.Equal(200, status);
        Assert.Equal("pending", (string?)assigned!["status"]);
        Assert.Equal("grace@example.com", (string?)assigned["customer_email"]);
        Assert.Equal(Start.AddDays(1), (DateTimeOffset)assigned["invitation_token_expires_at"]!);
        var events = AssertWebhooks("customer.created", "customer.state_changed", "customer_seat.assigned");
        Assert.Equal((string?)assigned["id"], ((CustomerSeatAssignedWebhookEvent)events[2]).Data.Id);

        var token = TokenOf((string)assigned["id"]!);
        var (infoStatus, info) = await SendAsync(HttpMethod.Get, $"/v1/customer-seats/claim/{token}");
        Assert.Equal(200, infoStatus);
        Assert.Equal("Team", (string?)info!["product_name"]);
        Assert.True((bool)info["can_claim"]!);
        Assert.Equal("grace@example.com", (string?)info["customer_email"]);

        var (claimStatus, claim) = await SendAsync(HttpMethod.Post, "/v1/customer-seats/claim", new JsonObject { ["invitation_token"] = token }.ToJsonString());

        Assert.Equal(200, claimStatus);
        Assert.Equal("claimed", (string?)claim!["seat"]!["status"]);
        Assert.StartsWith("polar_cst_", (string?)claim["customer_session_token"], StringComparison.Ordinal);
        var claimed = AssertWebhooks("customer_seat.claimed", "benefit_grant.created", "customer.state_changed");
        var grant = ((BenefitGrantCreatedWebhookEvent)claimed[1]).Data;
        Assert.Equal(flag.Id, grant.BenefitId);
        Assert.Equal(subscription.Id, grant.SubscriptionId);
        Assert.Equal((string?)assigned["customer_id"], grant.CustomerId);
        Assert.Equal(400, (await SendAsync(HttpMethod.Post, "/v1/customer-seats/claim", new JsonObject { ["invitation_token"] = token }.ToJsonString())).Status);
    }

    [Fact]
    public async Task Listing_counts_available_seats_and_revoking_frees_one()
    {
        var (subscription, _) = await TeamAsync(seats: 2);
        var (_, first) = await AssignAsync(subscription.Id, """ "email":"grace@example.com", "immediate_claim": true """);
        await AssignAsync(subscription.Id, """ "email":"alan@example.com" """);
        TakeWebhooks();

        var (status, list) = await SendAsync(HttpMethod.Get, $"/v1/customer-seats?subscription_id={subscription.Id}");
        var (full, fullBody) = await AssignAsync(subscription.Id, """ "email":"linus@example.com" """);

        Assert.Equal(200, status);
        Assert.Equal(2, list!["seats"]!.AsArray().Count);
        Assert.Equal(0, (int)list["available_seats"]!);
        Assert.Equal(2, (int)list["total_seats"]!);
        Assert.Equal(400, full);
        Assert.Equal("SeatNotAvailable", (string?)fullBody!["error"]);
        TakeWebhooks();

        var (revokeStatus, revoked) = await SendAsync(HttpMethod.Delete, $"/v1/customer-seats/{(string)first!["id"]!}");

        Assert.Equal(200, revokeStatus);
        Assert.Equal("revoked", (string?)revoked!["status"]);
        Assert.Null((string?)revoked["customer_id"]);
        AssertWebhooks("customer_seat.revoked", "benefit_grant.revoked", "customer.state_changed");
        var (_, after) = await SendAsync(HttpMethod.Get, $"/v1/customer-seats?subscription_id={subscription.Id}");
        Assert.Equal(1, (int)after!["available_seats"]!);
    }

    [Fact]
    public async Task An_immediate_claim_sends_claimed_then_grants()
    {
        var (subscription, _) = await TeamAsync(seats: 2);
        var customer = await Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "grace@example.com", ExternalId = "grace" }, cancellationToken: Cancel);
        TakeWebhooks();

        var (status, seat) = await AssignAsync(subscription.Id, """ "external_customer_id":"grace", "immediate_claim": true """);

        Assert.Equal(200, status);
        Assert.Equal("claimed", (string?)seat!["status"]);
        Assert.Equal(customer.Id, (string?)seat["customer_id"]);
        Assert.Null((string?)seat["invitation_token_expires_at"]);
        AssertWebhooks("customer_seat.claimed", "benefit_grant.created", "customer.state_changed");
    }

    [Fact]
    public async Task Assignment_errors_are_polars()
    {
        var (subscription, _) = await TeamAsync(seats: 3);
        await AssignAsync(subscription.Id, """ "email":"grace@example.com" """);

        var (twice, twiceBody) = await AssignAsync(subscription.Id, """ "email":"grace@example.com" """);
        var (two, twoBody) = await AssignAsync(subscription.Id, """ "email":"alan@example.com", "external_customer_id":"alan" """);
        var (unknown, unknownBody) = await AssignAsync(subscription.Id, """ "external_customer_id":"nobody" """);
        var (noContainer, _) = await SendAsync(HttpMethod.Post, "/v1/customer-seats", """{"email":"x@example.com"}""");
        var (missing, _) = await AssignAsync(Guid.NewGuid().ToString(), """ "email":"x@example.com" """);

        Assert.Equal((400, "SeatAlreadyAssigned"), (twice, (string?)twiceBody!["error"]));
        Assert.Equal((400, "InvalidSeatAssignmentRequest"), (two, (string?)twoBody!["error"]));
        Assert.Equal((404, "CustomerNotFound"), (unknown, (string?)unknownBody!["error"]));
        Assert.Equal(400, noContainer);
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task Resend_works_for_pending_seats_only_and_bad_tokens_are_refused()
    {
        var (subscription, _) = await TeamAsync(seats: 2);
        var (_, pending) = await AssignAsync(subscription.Id, """ "email":"grace@example.com" """);
        var (_, claimed) = await AssignAsync(subscription.Id, """ "email":"alan@example.com", "immediate_claim": true """);

        var (resent, resentBody) = await SendAsync(HttpMethod.Post, $"/v1/customer-seats/{(string)pending!["id"]!}/resend");
        var (notPending, notPendingBody) = await SendAsync(HttpMethod.Post, $"/v1/customer-seats/{(string)claimed!["id"]!}/resend");
        var (info, _) = await SendAsync(HttpMethod.Get, "/v1/customer-seats/claim/not-a-token");
        var (claim, claimBody) = await SendAsync(HttpMethod.Post, "/v1/customer-seats/claim", """{"invitation_token":"not-a-token"}""");

        Assert.Equal(200, resent);
        Assert.Equal((string?)pending["id"], (string?)resentBody!["id"]);
        Assert.Equal((400, "SeatNotPending"), (notPending, (string?)notPendingBody!["error"]));
        Assert.Equal(404, info);
        Assert.Equal((400, "InvalidInvitationToken"), (claim, (string?)claimBody!["error"]));
    }

    [Fact]
    public async Task An_invitation_expires_after_a_day()
    {
        var (subscription, _) = await TeamAsync(seats: 2);
        var (_, pending) = await AssignAsync(subscription.Id, """ "email":"grace@example.com" """);
        var token = TokenOf((string)pending!["id"]!);
        MoveTo(Start.AddDays(1).AddSeconds(1));

        var (status, _) = await SendAsync(HttpMethod.Post, "/v1/customer-seats/claim", new JsonObject { ["invitation_token"] = token }.ToJsonString());

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Revoking_the_subscription_revokes_its_seats()
    {
        var (subscription, _) = await TeamAsync(seats: 2);
        await AssignAsync(subscription.Id, """ "email":"grace@example.com", "immediate_claim": true """);
        TakeWebhooks();

        await Polar.Subscriptions.RevokeAsync(subscription.Id, cancellationToken: Cancel);

        AssertWebhooks(
            "subscription.updated", "subscription.canceled", "subscription.revoked", "customer.state_changed",
            "customer_seat.revoked", "benefit_grant.revoked", "customer.state_changed");
    }

    private async Task<(Subscription Subscription, Benefit Flag)> TeamAsync(long seats)
    {
        var flag = await FeatureFlagAsync();
        var product = await WithBenefitsAsync(await SeatsProductAsync("Team", perSeat: 1000), flag);
        var subscription = await SubscribeAsync(product, seats: seats);
        Assert.Equal(seats, subscription.Seats);
        return (subscription, flag);
    }

    private Task<(int Status, JsonNode? Body)> AssignAsync(string subscriptionId, string fields) =>
        SendAsync(HttpMethod.Post, "/v1/customer-seats", $$"""{"subscription_id":"{{subscriptionId}}",{{fields}}}""");

    private string TokenOf(string seatId)
    {
        lock (Emulator.State.Gate)
        {
            return Emulator.State.CustomerSeats.InvitationTokens[seatId];
        }
    }
}
