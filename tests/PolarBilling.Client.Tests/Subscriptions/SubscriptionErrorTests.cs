using System.Net;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Subscriptions;

/// <summary>Polar's subscription errors surface as typed exceptions carrying Polar's error name; bad arguments never reach the wire.</summary>
public sealed class SubscriptionErrorTests
{
    private const string Id = SubscriptionFixtures.SeatsId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failed_charge_for_a_plan_change_surfaces_as_a_402_PaymentFailed()
    {
        const string body = """{"error":"PaymentFailed","detail":"Your card was declined."}""";
        OpenApiSpec.AssertResponseValid("PATCH", "/v1/subscriptions/" + Id, 402, body);
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(402, body));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarPaymentFailedException>(
            () => client.Subscriptions.ChangeProductAsync(Id, SubscriptionFixtures.TeamId, SubscriptionProrationBehavior.Invoice, cancellationToken: Ct));

        Assert.Equal((HttpStatusCode.PaymentRequired, "PaymentFailed", "Your card was declined."), (ex.StatusCode, ex.Error, ex.Detail));
        Assert.Contains("PaymentFailed", ex.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Canceling_an_already_canceled_subscription_surfaces_as_a_403_permission_error()
    {
        const string body = """{"error":"AlreadyCanceledSubscription","detail":"This subscription is already canceled or will be at the end of the period."}""";
        OpenApiSpec.AssertResponseValid("PATCH", "/v1/subscriptions/" + Id, 403, body);
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(403, body));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarPermissionException>(() => client.Subscriptions.CancelAtPeriodEndAsync(Id, cancellationToken: Ct));

        Assert.Equal((HttpStatusCode.Forbidden, "AlreadyCanceledSubscription"), (ex.StatusCode, ex.Error));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Revoking_an_already_revoked_subscription_surfaces_as_a_403_permission_error()
    {
        const string body = """{"error":"AlreadyCanceledSubscription","detail":"This subscription is already revoked."}""";
        OpenApiSpec.AssertResponseValid("DELETE", "/v1/subscriptions/" + Id, 403, body);
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("DELETE", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(403, body));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarPermissionException>(() => client.Subscriptions.RevokeAsync(Id, cancellationToken: Ct));

        Assert.Equal("AlreadyCanceledSubscription", ex.Error);
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_subscription_locked_by_another_change_surfaces_as_a_409_and_is_not_retried(string method)
    {
        const string body = """{"error":"SubscriptionLocked","detail":"Subscription is pending an update."}""";
        OpenApiSpec.AssertResponseValid(method, "/v1/subscriptions/" + Id, 409, body);
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On(method, SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(409, body));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarConflictException>(() => method == "PATCH"
            ? client.Subscriptions.UncancelAsync(Id, cancellationToken: Ct)
            : client.Subscriptions.RevokeAsync(Id, cancellationToken: Ct));

        Assert.Equal((HttpStatusCode.Conflict, "SubscriptionLocked"), (ex.StatusCode, ex.Error));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_unknown_subscription_surfaces_as_not_found()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", SubscriptionFixtures.SubscriptionPath).Always(LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarNotFoundException>(() => client.Subscriptions.GetAsync(Id, cancellationToken: Ct));

        Assert.Equal("ResourceNotFound", ex.Error);
    }

    [Fact]
    public async Task Missing_ids_and_bad_arguments_throw_before_any_request()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var subscriptions = server.CreateClient().Subscriptions;

        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => subscriptions.GetAsync("", cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => subscriptions.RevokeAsync(" ", cancellationToken: Ct))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => subscriptions.CancelAtPeriodEndAsync(null!, cancellationToken: Ct))).ParamName);
        Assert.Equal("productId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => subscriptions.ChangeProductAsync(Id, "", cancellationToken: Ct))).ParamName);
        Assert.Equal("discountId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => subscriptions.ApplyDiscountAsync(Id, null!, cancellationToken: Ct))).ParamName);
        Assert.Equal("seats", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => subscriptions.UpdateSeatsAsync(Id, 0, cancellationToken: Ct))).ParamName);
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => subscriptions.UpdateAsync(Id, null!, cancellationToken: Ct))).ParamName);
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => subscriptions.CreateAsync((SubscriptionCreateCustomer)null!, cancellationToken: Ct))).ParamName);
        Assert.Equal("metadata", (await Assert.ThrowsAsync<ArgumentNullException>(() => subscriptions.UpdateMetadataAsync(Id, null!, cancellationToken: Ct))).ParamName);
        Assert.Empty(server.Requests);
    }
}
