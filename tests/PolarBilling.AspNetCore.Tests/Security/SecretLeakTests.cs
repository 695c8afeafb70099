using System.Net;
using System.Text;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Security;

/// <summary>Neither the access token nor the webhook secret ever appears in a response or a log line.</summary>
public sealed class SecretLeakTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Secrets_never_appear_in_responses_or_logs_across_every_flow_and_failure()
    {
        await using var app = await BillingTestApp.StartAsync();
        var bodies = new StringBuilder();
        await app.SubscribeAsync("leak", "pro");
        var client = app.ClientFor("leak");
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync("/api/billing/subscription", Ct),
            () => client.GetAsync("/api/billing/portal", Ct),
            () => client.GetAsync("/api/billing/orders", Ct),
            () => client.PutJsonAsync("/api/billing/subscription/upgrade", new { plan = "enterprise" }),
            () => client.DeleteAsync("/api/billing/subscription/cancel", Ct),
            () => client.PostJsonAsync("/api/billing/checkout", new { plan = "nope" }),
            () => client.GetAsync("/api/billing/checkout/does-not-exist/confirm", Ct),
            () => app.AnonymousClient().PostAsync("/api/webhooks/polar", new StringContent("{}", Encoding.UTF8, "application/json"), Ct),
        })
        {
            using var response = await call();
            bodies.AppendLine(await response.Content.ReadAsStringAsync(Ct)).AppendLine(response.Headers.ToString());
        }

        // A failing Polar call (the emulator forgot everything) must not echo them either.
        using (var http = new HttpClient { BaseAddress = app.Emulator.BaseUrl })
        {
            using var reset = await http.PostAsync("/emulator/reset", null, Ct);
        }

        using (var failing = await client.GetAsync("/api/billing/portal", Ct))
        {
            bodies.AppendLine(await failing.Content.ReadAsStringAsync(Ct));
        }

        Assert.DoesNotContain(app.AccessToken, bodies.ToString());
        Assert.DoesNotContain(app.WebhookSecret, bodies.ToString());
        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(app.AccessToken, app.Logs.All);
        Assert.DoesNotContain(app.WebhookSecret, app.Logs.All);
    }
}
