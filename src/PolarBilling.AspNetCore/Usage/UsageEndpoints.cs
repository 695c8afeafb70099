using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PolarBilling.AspNetCore.Endpoints;
using PolarBilling.AspNetCore.Identity;
using PolarBilling.Usage.Reports;

namespace PolarBilling.AspNetCore.Usage;

/// <summary>The signed-in user's usage: current period, history for a chart, and the renewal preview. Only ever their own.</summary>
internal static class UsageEndpoints
{
    /// <summary>Longest hourly history (about a month of points).</summary>
    public static readonly TimeSpan MaxHourlySpan = TimeSpan.FromDays(31);

    /// <summary>Longest daily history.</summary>
    public static readonly TimeSpan MaxDailySpan = TimeSpan.FromDays(400);

    public static async Task<Results<Ok<CurrentUsage>, ProblemHttpResult>> GetCurrentAsync(
        ClaimsPrincipal principal, IBillingUserResolver users, UsageReports reports, CancellationToken cancellationToken) =>
        users.Resolve(principal) is { } user ? TypedResults.Ok(await reports.GetCurrentAsync(user.Id, cancellationToken)) : BillingProblems.NoUser();

    public static async Task<Results<Ok<InvoicePreview>, ProblemHttpResult>> GetInvoicePreviewAsync(
        ClaimsPrincipal principal, IBillingUserResolver users, UsageReports reports, CancellationToken cancellationToken) =>
        users.Resolve(principal) is { } user ? TypedResults.Ok(await reports.GetInvoicePreviewAsync(user.Id, cancellationToken)) : BillingProblems.NoUser();

    public static async Task<Results<Ok<UsageHistory>, ProblemHttpResult>> GetHistoryAsync(
        ClaimsPrincipal principal, IBillingUserResolver users, UsageReports reports, TimeProvider time, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? interval = null, string? meter = null)
    {
        if (users.Resolve(principal) is not { } user)
        {
            return BillingProblems.NoUser();
        }

        UsageInterval bucket;
        switch (interval)
        {
            case null or "" or "hour":
                bucket = UsageInterval.Hour;
                break;
            case "day":
                bucket = UsageInterval.Day;
                break;
            default:
                return BillingProblems.BadRequest("Unknown interval.", "'interval' must be 'hour' or 'day'.");
        }

        if (!TryParse(to, "to", out var end, out var problem) || !TryParse(from, "from", out var start, out problem))
        {
            return problem!;
        }

        var maxSpan = bucket == UsageInterval.Hour ? MaxHourlySpan : MaxDailySpan;
        var last = end ?? time.GetUtcNow();
        var first = start ?? last - (bucket == UsageInterval.Hour ? TimeSpan.FromHours(24) : TimeSpan.FromDays(30));
        if (first >= last)
        {
            return BillingProblems.BadRequest("Empty range.", "'from' must be before 'to'.");
        }

        if (last - first > maxSpan)
        {
            return BillingProblems.BadRequest(
                "Range too long.",
                string.Create(CultureInfo.InvariantCulture, $"With interval '{(bucket == UsageInterval.Hour ? "hour" : "day")}' the range can span at most {maxSpan.TotalDays:0} days; use interval 'day' or a shorter range."));
        }

        if (meter is { Length: 0 or > 128 })
        {
            return BillingProblems.BadRequest("Bad meter.", "'meter' must be a meter key of 1 to 128 characters, e.g. 'api_calls'.");
        }

        return TypedResults.Ok(await reports.GetHistoryAsync(user.Id, first, last, bucket, meter, cancellationToken));
    }

    private static bool TryParse(string? text, string name, out DateTimeOffset? value, out ProblemHttpResult? problem)
    {
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = BillingProblems.BadRequest("Bad date.", $"'{name}' must be an ISO 8601 date and time such as '2026-03-01T00:00:00Z'.");
        return false;
    }
}
