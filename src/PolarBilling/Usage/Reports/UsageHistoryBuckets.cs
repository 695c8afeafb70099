namespace PolarBilling.Usage.Reports;

/// <summary>Buckets usage windows by UTC hour or day, with a point for every bucket of the range.</summary>
internal static class UsageHistoryBuckets
{
    public static DateTimeOffset Floor(DateTimeOffset value, UsageInterval interval)
    {
        var utc = value.ToUniversalTime();
        var ticks = interval == UsageInterval.Hour ? TimeSpan.TicksPerHour : TimeSpan.TicksPerDay;
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % ticks), TimeSpan.Zero);
    }

    public static DateTimeOffset Ceiling(DateTimeOffset value, UsageInterval interval)
    {
        var floor = Floor(value, interval);
        return floor == value.ToUniversalTime() ? floor : floor + Step(interval);
    }

    public static TimeSpan Step(UsageInterval interval) => interval == UsageInterval.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>One series per meter in <paramref name="meters"/> plus any meter of <paramref name="windows"/>, by meter key.</summary>
    public static IReadOnlyList<UsageSeries> Build(
        IEnumerable<UsageWindow> windows, IEnumerable<string> meters, DateTimeOffset from, DateTimeOffset to, UsageInterval interval)
    {
        var step = Step(interval);
        var count = (int)((to - from).Ticks / step.Ticks);
        var totals = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var meter in meters)
        {
            totals.TryAdd(meter, new long[count]);
        }

        foreach (var window in windows)
        {
            var index = (int)((Floor(window.WindowStart, interval) - from).Ticks / step.Ticks);
            if (index < 0 || index >= count)
            {
                continue;
            }

            if (!totals.TryGetValue(window.Meter, out var buckets))
            {
                totals[window.Meter] = buckets = new long[count];
            }

            buckets[index] += window.Quantity;
        }

        return [.. totals.Select(t => new UsageSeries(t.Key, [.. t.Value.Select((quantity, i) => new UsagePoint(from + (step * i), quantity))]))];
    }
}
