namespace PolarBilling.Usage.Reports;

/// <summary>A user's usage over a range of time, per meter, for a chart (<c>GET {prefix}/usage/history</c>).</summary>
/// <param name="From">Start of the range (inclusive, aligned down to the interval).</param>
/// <param name="To">End of the range (exclusive, aligned up to the interval).</param>
/// <param name="Interval"><c>hour</c> or <c>day</c>.</param>
/// <param name="Series">One series per meter (the plan's meters and any with usage in the range), by meter key.</param>
public sealed record UsageHistory(DateTimeOffset From, DateTimeOffset To, string Interval, IReadOnlyList<UsageSeries> Series);
