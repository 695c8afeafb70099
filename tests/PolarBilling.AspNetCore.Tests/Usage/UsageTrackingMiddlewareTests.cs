using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PolarBilling.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage;

/// <summary>
/// The usage middleware bills tracked endpoints per successful call of a signed-in user, through the real pipeline
/// (recorded, flushed, read back from GET /api/usage/current). Requests on one client run one after another, so a
/// count reached after the last call includes every earlier call that was billed.
/// </summary>
public sealed class UsageTrackingMiddlewareTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tracked_calls_count_once_each_and_untracked_failed_and_anonymous_calls_do_not()
    {
        await using var app = await MeteredTestApp.StartAsync(app: a =>
        {
            a.MapGet("/tracked", () => TypedResults.Ok("ok")).TrackUsage(MeteredTestApp.Meter);
            a.MapGet("/tracked-fails", () => TypedResults.BadRequest("no")).TrackUsage(MeteredTestApp.Meter);
            a.MapGet("/tracked-throws", IResult () => throw new InvalidOperationException("boom")).TrackUsage(MeteredTestApp.Meter);
            a.MapGet("/plain", () => TypedResults.Ok("ok"));
        });
        var user = app.ClientFor("frank");
        var anonymous = app.AnonymousClient();

        foreach (var path in new[] { "/plain", "/tracked-fails", "/tracked-throws", "/plain" })
        {
            (await user.GetAsync(path, Ct)).Dispose();
        }

        for (var i = 0; i < 4; i++)
        {
            (await anonymous.GetAsync("/tracked", Ct)).Dispose();
            (await user.GetAsync("/tracked", Ct)).Dispose();
        }

        await MeteredTestApp.WaitForUsedAsync(user, 4);
        (await user.GetAsync("/tracked", Ct)).Dispose();
        await MeteredTestApp.WaitForUsedAsync(user, 5);
    }

    [Fact]
    public async Task A_group_convention_tracks_every_endpoint_in_it_and_an_endpoint_convention_wins()
    {
        await using var app = await MeteredTestApp.StartAsync(app: a =>
        {
            var group = a.MapGroup("/v1").TrackUsage("tokens", 5);
            group.MapGet("/a", () => "a");
            group.MapGet("/b", () => "b");
            group.MapGet("/calls", () => "c").TrackUsage(MeteredTestApp.Meter);
        });
        var user = app.ClientFor("grace");

        foreach (var path in new[] { "/v1/a", "/v1/b", "/v1/b", "/v1/calls" })
        {
            (await user.GetAsync(path, Ct)).Dispose();
        }

        await MeteredTestApp.WaitForUsedAsync(user, 1);
        await MeteredTestApp.WaitForUsedAsync(user, 15, "tokens");
    }

    [Fact]
    public async Task An_app_that_places_the_middleware_itself_is_not_counted_twice()
    {
        await using var app = await MeteredTestApp.StartAsync(app: a =>
        {
            a.UsePolarBillingUsage();
            a.UsePolarBillingUsage();
            a.MapGet("/tracked", () => "ok").TrackUsage(MeteredTestApp.Meter, 2);
        });
        var user = app.ClientFor("heidi");

        for (var i = 0; i < 3; i++)
        {
            (await user.GetAsync("/tracked", Ct)).Dispose();
        }

        await MeteredTestApp.WaitForUsedAsync(user, 6);
        (await user.GetAsync("/tracked", Ct)).Dispose();
        await MeteredTestApp.WaitForUsedAsync(user, 8);
    }
}
