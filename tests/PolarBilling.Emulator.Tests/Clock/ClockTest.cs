using System.Globalization;
using System.Text.Json.Nodes;
using PolarBilling.Emulator.Tests.Subscriptions;
using Xunit;

namespace PolarBilling.Emulator.Tests.Clock;

/// <summary>Base of the test clock tests: advances through <c>POST /emulator/clock/advance</c>, as a user's test suite would.</summary>
public abstract class ClockTest : SubscriptionTest
{
    /// <summary>Advances the clock by <paramref name="duration"/> and returns the control API's answer.</summary>
    protected Task<JsonObject> AdvanceAsync(TimeSpan duration) =>
        AdvanceAsync(new JsonObject { ["seconds"] = duration.TotalSeconds });

    /// <summary>Advances the clock to <paramref name="instant"/>.</summary>
    protected Task<JsonObject> AdvanceToAsync(DateTimeOffset instant) =>
        AdvanceAsync(new JsonObject { ["to"] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) });

    private async Task<JsonObject> AdvanceAsync(JsonObject body)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, "/emulator/clock/advance", body.ToJsonString());
        Assert.True(status == 200, answer?.ToJsonString());
        return answer!.AsObject();
    }

    /// <summary>The <c>kind</c> and <c>outcome</c> of each action an advance ran.</summary>
    protected static IReadOnlyList<(string Kind, string Outcome)> Actions(JsonObject advance) =>
        [.. advance["actions"]!.AsArray().Select(a => (a!["kind"]!.GetValue<string>(), a["outcome"]!.GetValue<string>()))];

    /// <summary>The instants of the actions an advance ran.</summary>
    protected static IReadOnlyList<DateTimeOffset> ActionTimes(JsonObject advance) =>
        [.. advance["actions"]!.AsArray().Select(a => DateTimeOffset.Parse(a!["at"]!.GetValue<string>(), CultureInfo.InvariantCulture))];
}
