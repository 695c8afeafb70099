using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Client.Webhooks;
using PolarBilling.EntityFrameworkCore;
using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Endpoints;

/// <summary><c>POST /api/webhooks/polar</c>: signature, inbox, duplicates, size, and the PostgreSQL store.</summary>
public sealed class WebhookReceiverTests(PostgresCluster postgres)
{
    private const string Body = """{"type":"customer.created","timestamp":"2026-11-02T09:00:00Z","data":{"id":"cus_hand","email":"x@example.test","external_id":"hand-user"}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_delivery_is_stored_once_and_a_redelivery_is_accepted_without_a_second_row()
    {
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions { SubscribeWebhooks = false, Project = false });
        using var first = await PostAsync(app, "msg_1", Body, app.WebhookSecret);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using var again = await PostAsync(app, "msg_1", Body, app.WebhookSecret);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(1, await InboxCountAsync(app));
    }

    [Fact]
    public async Task A_wrong_signature_is_403_problem_details_that_reveal_nothing_and_store_nothing()
    {
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions { SubscribeWebhooks = false, Project = false });
        using var forged = await PostAsync(app, "msg_2", Body, WebhookSigner.GenerateSecret());
        var problem = await forged.ReadJsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal("The webhook signature is not valid.", problem.Str("title"));
        Assert.Null(problem.Str("detail"));
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/polar") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        using var response = await app.AnonymousClient().SendAsync(unsigned, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await InboxCountAsync(app));
        Assert.DoesNotContain(app.WebhookSecret, app.Logs.All);
        Assert.DoesNotContain("cus_hand", app.Logs.All);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_413()
    {
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions { SubscribeWebhooks = false, Project = false });
        var huge = "{\"type\":\"x\",\"data\":\"" + new string('a', 1024 * 1024) + "\"}";
        using var response = await PostAsync(app, "msg_3", huge, app.WebhookSecret);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task On_postgresql_a_purchase_reaches_the_projection_through_the_receiver()
    {
        var database = await postgres.CreateDatabaseAsync("aspnet_receiver");
        await using var app = await BillingTestApp.StartAsync(new BillingTestAppOptions { PostgreSqlConnectionString = database });
        await app.SubscribeAsync("pg-user", "enterprise");
        using var response = await app.ClientFor("pg-user").GetAsync("/api/billing/subscription", Ct);
        var view = await response.ReadJsonAsync();
        Assert.Equal(("enterprise", "active"), (view.Str("plan"), view.Str("status")));
    }

    private static async Task<HttpResponseMessage> PostAsync(BillingTestApp app, string id, string body, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = new WebhookSigner(secret, WebhookKeyScheme.Standard).Sign(id, bytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/polar") { Content = new ByteArrayContent(bytes) };
        foreach (var (name, value) in headers.ToHeaders())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await app.AnonymousClient().SendAsync(request, Ct);
    }

    private static async Task<int> InboxCountAsync(BillingTestApp app)
    {
        var factory = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<SqliteBillingDbContext>>();
        await using var context = await factory.CreateDbContextAsync(Ct);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(context.WebhookEvents, Ct);
    }
}
