using PolarBilling.Usage.Sync;
using Xunit;

namespace PolarBilling.Tests.Usage.Sync;

public sealed class UsageEventIdsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_window_always_gets_the_same_id()
    {
        var id = UsageEventIds.For("user-1", "api_calls", Start, 0);

        Assert.Equal(id, UsageEventIds.For("user-1", "api_calls", Start.ToOffset(TimeSpan.FromHours(2)), 0));
        Assert.StartsWith("pbu_", id, StringComparison.Ordinal);
        Assert.Equal(36, id.Length);
        Assert.Matches("^pbu_[A-Za-z0-9_-]{32}$", id);
    }

    [Fact]
    public void Any_difference_in_user_meter_start_or_part_gives_another_id()
    {
        string[] ids =
        [
            UsageEventIds.For("user-1", "api_calls", Start, 0),
            UsageEventIds.For("user-1", "api_calls", Start, 1),
            UsageEventIds.For("user-1", "api_calls", Start.AddHours(1), 0),
            UsageEventIds.For("user-2", "api_calls", Start, 0),
            UsageEventIds.For("user-1", "tokens", Start, 0),
            // Joined naively these two would read the same.
            UsageEventIds.For("a|1", "b", Start, 0),
            UsageEventIds.For("a", "1|b", Start, 0),
        ];

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
