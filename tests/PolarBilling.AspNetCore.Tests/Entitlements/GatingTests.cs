using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolarBilling.AspNetCore.Tests.Diagnostics;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using PolarBilling.Entitlements;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Entitlements;

/// <summary>Gates on real Kestrel: conventions on minimal APIs, attributes on a controller, 401/403 and the 403 body.</summary>
public sealed class GatingTests(GatedApp fixture) : IClassFixture<GatedApp>
{
    private BillingTestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_request_is_challenged_with_401()
    {
        using var response = await App.AnonymousClient().GetAsync("/gated/pro", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var mvc = await App.AnonymousClient().GetAsync("/mvc/enterprise", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, mvc.StatusCode);
    }

    [Fact]
    public async Task Free_user_gets_an_upgrade_problem_naming_the_plan_and_the_upgrade_url()
    {
        using var recorder = new MeterRecorder(App.Services.GetRequiredService<IMeterFactory>());

        var problem = await ForbiddenAsync(App.ClientFor("gate-free-1"), HttpMethod.Get, "/gated/pro");

        Assert.Equal("Upgrade required", problem.GetProperty("title").GetString());
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.4", problem.GetProperty("type").GetString());
        Assert.Equal("pro", problem.GetProperty("requiredPlan").GetString());
        Assert.Equal("free", problem.GetProperty("currentPlan").GetString());
        Assert.Equal("/pricing", problem.GetProperty("upgradeUrl").GetString());
        Assert.Contains("Pro", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var denial = Assert.Single(recorder.Of("polar_billing.entitlements.denied"));
        Assert.Equal("subscription", denial.Tags["requirement"]);
    }

    [Fact]
    public async Task Subscribing_opens_the_gate_at_once_and_trial_counts_as_active()
    {
        var client = App.ClientFor("gate-pro-1");
        await ForbiddenAsync(client, HttpMethod.Get, "/gated/pro"); // caches "free"

        await App.SubscribeAsync("gate-pro-1", "pro");

        using var response = await client.GetAsync("/gated/pro", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var granted = await App.Services.GetRequiredService<IEntitlements>().GetAsync("gate-pro-1", Ct);
        Assert.Equal("trialing", granted.Status);

        var sso = await ForbiddenAsync(client, HttpMethod.Get, "/gated/sso");
        Assert.Equal("sso", sso.GetProperty("feature").GetString());
        Assert.Equal("enterprise", sso.GetProperty("requiredPlan").GetString());
        Assert.Equal("pro", sso.GetProperty("currentPlan").GetString());

        var enterprise = await ForbiddenAsync(client, HttpMethod.Get, "/mvc/enterprise");
        Assert.Equal("enterprise", enterprise.GetProperty("requiredPlan").GetString());
    }

    [Fact]
    public async Task Limit_allows_while_usage_is_below_it_and_names_the_plan_with_room()
    {
        var client = App.ClientFor("gate-limit-1");
        using (var below = await client.PostAsync("/gated/agents?have=0", null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, below.StatusCode);
        }

        var problem = await ForbiddenAsync(client, HttpMethod.Post, "/gated/agents?have=1");
        Assert.Equal("agents", problem.GetProperty("limit").GetString());
        Assert.Equal(1, problem.GetProperty("allowed").GetInt64());
        Assert.Equal(1, problem.GetProperty("usage").GetInt64());
        Assert.Equal("pro", problem.GetProperty("requiredPlan").GetString());

        var fixedAmount = await ForbiddenAsync(client, HttpMethod.Get, "/gated/ten-agents");
        Assert.Equal("enterprise", fixedAmount.GetProperty("requiredPlan").GetString());
        Assert.Equal(10, fixedAmount.GetProperty("requested").GetInt64());
    }

    [Fact]
    public async Task Attributes_gate_controller_actions()
    {
        var client = App.ClientFor("gate-mvc-1");
        var course = await ForbiddenAsync(client, HttpMethod.Get, "/mvc/course");
        Assert.Equal("course", course.GetProperty("requiredPlan").GetString());
        Assert.Equal("course-access", course.GetProperty("feature").GetString());

        using (var allowed = await client.PostAsync("/mvc/agents?have=0", null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var full = await ForbiddenAsync(client, HttpMethod.Post, "/mvc/agents?have=1");
        Assert.Equal("agents", full.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task One_time_purchase_opens_its_gates()
    {
        var client = App.ClientFor("gate-course-1");
        await ForbiddenAsync(client, HttpMethod.Get, "/gated/course");

        await App.SubscribeAsync("gate-course-1", "course");

        using var byPlan = await client.GetAsync("/gated/course", Ct);
        Assert.Equal(HttpStatusCode.OK, byPlan.StatusCode);
        using var byFeature = await client.GetAsync("/mvc/course", Ct);
        Assert.Equal(HttpStatusCode.OK, byFeature.StatusCode);
    }

    private static async Task<JsonElement> ForbiddenAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: expected 403, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
