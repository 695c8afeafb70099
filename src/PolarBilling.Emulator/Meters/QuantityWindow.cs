using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Meters;

/// <summary>
/// The time axis of <c>GET /v1/meters/{id}/quantities</c>: Polar's <c>generate_series(start, end, '1 interval')</c>
/// (both ends included) and <c>date_trunc(interval, …)</c> buckets in the requested time zone (weeks start on
/// Monday), plus the query checks Polar makes (aware timestamps, not before 2023, range limits per interval).
/// </summary>
internal sealed partial class QuantityWindow
{
    // Polar's MAX_INTERVAL_DAYS (server kit/time_queries.py): the longest range each interval may cover.
    private static readonly Dictionary<string, int> Limits = new(StringComparer.Ordinal)
    {
        ["hour"] = 7,
        ["day"] = 366,
        ["week"] = 7 * 53,
        ["month"] = 365 * 4,
        ["year"] = 365 * 10,
    };

    private QuantityWindow(DateTimeOffset start, DateTimeOffset end, string interval, TimeZoneInfo zone)
    {
        Start = start;
        End = end;
        Interval = interval;
        Zone = zone;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public string Interval { get; }

    public TimeZoneInfo Zone { get; }

    /// <exception cref="EmulatorProblem">422 as Polar's query validation answers.</exception>
    public static QuantityWindow From(ListQuery q)
    {
        var issues = new List<ValidationIssue>();
        var start = Timestamp(q, "start_timestamp", issues);
        var end = Timestamp(q, "end_timestamp", issues);
        var interval = q.String("interval");
        if (interval is null)
        {
            issues.Add(new ValidationIssue("missing", ["query", "interval"], "Field required"));
        }
        else if (!Limits.ContainsKey(interval))
        {
            issues.Add(ValidationIssue.Query("interval", "enum", "Input should be 'year', 'month', 'week', 'day' or 'hour'", interval, new JsonObject { ["expected"] = "'year', 'month', 'week', 'day' or 'hour'" }));
        }

        if (start is { } s && s < new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
            issues.Add(ValidationIssue.Query("start_timestamp", "greater_than_equal", "Input should be greater than or equal to 2023-01-01T00:00:00", q.String("start_timestamp"), new JsonObject { ["ge"] = "2023-01-01T00:00:00" }));
        }

        var zoneName = q.String("timezone") ?? "UTC";
        TimeZoneInfo? zone = null;
        try
        {
            zone = zoneName == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneName);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            issues.Add(ValidationIssue.Query("timezone", "TimeZoneName", "invalid timezone name", zoneName));
        }

        if (issues.Count > 0)
        {
            throw Problems.Validation(issues);
        }

        var span = (end!.Value.UtcDateTime.Date - start!.Value.UtcDateTime.Date).Days;
        if (span < 0 || span > Limits[interval!])
        {
            throw Problems.Validation(new ValidationIssue("value_error", ["query"], "The interval is too small for the given date range. Use a larger interval or reduce the date range."));
        }

        return new QuantityWindow(start.Value, end.Value, interval!, zone!);
    }

    /// <summary>The series timestamps, from start to end included.</summary>
    public IEnumerable<DateTimeOffset> Series()
    {
        for (var t = Start; t <= End; t = Next(t))
        {
            yield return t;
        }
    }

    /// <summary>The bucket a moment falls in: <c>date_trunc(interval, moment)</c> in the time zone.</summary>
    public DateTime Bucket(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, Zone).DateTime;
        return Interval switch
        {
            "year" => new DateTime(local.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            "month" => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
            "week" => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            "day" => local.Date,
            _ => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified),
        };
    }

    private DateTimeOffset Next(DateTimeOffset t)
    {
        var local = TimeZoneInfo.ConvertTime(t, Zone).DateTime;
        var next = Interval switch
        {
            "year" => local.AddYears(1),
            "month" => local.AddMonths(1),
            "week" => local.AddDays(7),
            "day" => local.AddDays(1),
            _ => local.AddHours(1),
        };
        return Interval == "hour" ? t.AddHours(1) : new DateTimeOffset(next, Zone.GetUtcOffset(next));
    }

    private static DateTimeOffset? Timestamp(ListQuery q, string name, List<ValidationIssue> issues)
    {
        if (q.String(name) is not { } text)
        {
            issues.Add(new ValidationIssue("missing", ["query", name], "Field required"));
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            issues.Add(ValidationIssue.Query(name, "datetime_from_date_parsing", "Input should be a valid datetime or date, invalid character in year", text));
            return null;
        }

        if (!HasOffset().IsMatch(text))
        {
            issues.Add(ValidationIssue.Query(name, "timezone_aware", "Input should have timezone info", text));
            return null;
        }

        return value;
    }

    [GeneratedRegex(@"T.*(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
