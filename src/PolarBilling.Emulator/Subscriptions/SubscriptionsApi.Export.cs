using System.Globalization;
using System.Text;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <content><c>subscriptions:export</c>: the CSV of Polar's <c>subscription/export.py</c> (Python's <c>csv</c> excel dialect).</content>
internal static partial class SubscriptionsApi
{
    private static readonly (string Column, string Header)[] ExportColumns =
    [
        ("email", "Email"), ("started_at", "Started At"), ("product", "Product"), ("amount", "Amount"), ("currency", "Currency"),
        ("status", "Status"), ("recurring_interval", "Billing Interval"), ("customer_name", "Customer Name"), ("billing_name", "Billing Name"),
        ("billing_country", "Billing Country"), ("net_amount", "Net Amount"), ("discount", "Discount"), ("seats", "Seats"),
        ("current_period_start", "Current Period Start"), ("current_period_end", "Current Period End"), ("cancel_at_period_end", "Cancels At Period End"),
        ("canceled_at", "Canceled At"), ("ends_at", "Ends At"), ("ended_at", "Ended At"), ("cancellation_reason", "Cancellation Reason"),
        ("trial_start", "Trial Start"), ("trial_end", "Trial End"),
    ];

    private static readonly string[] DefaultExportColumns = ["email", "started_at", "product", "amount", "currency", "status", "recurring_interval"];

    private static IResult Export(HttpContext context, EmulatorState state)
    {
        lock (state.Gate)
        {
            var q = ListQuery.From(context);
            var columns = Enumerated(q, "columns", [.. ExportColumns.Select(c => c.Column)]);
            var zoneName = q.String("timezone") ?? "UTC";
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out var zone))
            {
                throw Problems.Validation(ValidationIssue.Query("timezone", "value_error", $"Value error, Invalid timezone: {zoneName}", zoneName));
            }

            var chosen = columns.Count > 0 ? columns : DefaultExportColumns;
            var csv = new StringBuilder();
            Row(csv, chosen.Select(c => (string?)ExportColumns.First(e => e.Column == c).Header));
            foreach (var subscription in Filter(state, q).Select(s => SubscriptionViews.Refresh(state, s)).OrderByDescending(s => s.StartedAt))
            {
                Row(csv, chosen.Select(c => Cell(state, subscription, c, zone)));
            }

            context.Response.Headers.ContentDisposition = $"attachment; filename={FileName(q, zone)}";
            return Results.Text(csv.ToString(), "text/csv", Encoding.UTF8);
        }
    }

    private static string? Cell(EmulatorState state, Subscription s, string column, TimeZoneInfo zone)
    {
        var customer = state.Customers.Find(s.CustomerId);
        var discount = state.Discounts.Find(s.DiscountId);
        return column switch
        {
            "email" => s.Customer?.Email,
            "started_at" => Iso(s.StartedAt, zone),
            "product" => s.Product?.Name,
            "amount" => PythonFloat(s.Amount / 100m),
            "currency" => s.Currency,
            "status" => s.Status.Value,
            "recurring_interval" => s.RecurringIntervalCount == 1 ? s.RecurringInterval.Value : $"{s.RecurringIntervalCount} {s.RecurringInterval.Value}s",
            "customer_name" => customer?.Name,
            "billing_name" => customer?.BillingName,
            "billing_country" => customer?.BillingAddress?.Country.ToString(),
            "net_amount" => PythonFloat((s.Amount - (discount is null ? 0 : Discounts.DiscountRules.Apply(discount, s.Amount, s.Currency))) / 100m),
            "discount" => discount is null ? null : discount.Code ?? discount.Name,
            "seats" => s.Seats?.ToString(CultureInfo.InvariantCulture),
            "current_period_start" => Iso(s.CurrentPeriodStart, zone),
            "current_period_end" => Iso(s.CurrentPeriodEnd, zone),
            "cancel_at_period_end" => s.CancelAtPeriodEnd ? "true" : "false",
            "canceled_at" => Iso(s.CanceledAt, zone),
            "ends_at" => Iso(s.EndsAt, zone),
            "ended_at" => Iso(s.EndedAt, zone),
            "cancellation_reason" => s.CustomerCancellationReason?.Value,
            "trial_start" => Iso(s.TrialStart, zone),
            "trial_end" => Iso(s.TrialEnd, zone),
            _ => null,
        };
    }

    // Python's csv writer (excel dialect): quote only when needed, rows end with \r\n, None is empty.
    private static void Row(StringBuilder csv, IEnumerable<string?> cells)
    {
        csv.AppendJoin(',', cells.Select(c => c is null ? string.Empty
            : c.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));
        csv.Append("\r\n");
    }

    // Python's datetime.astimezone(tz).isoformat().
    private static string? Iso(DateTimeOffset? value, TimeZoneInfo zone)
    {
        if (value is not { } instant)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var fraction = local.Ticks % TimeSpan.TicksPerSecond == 0 ? string.Empty : local.ToString(".ffffff", CultureInfo.InvariantCulture);
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + local.ToString("zzz", CultureInfo.InvariantCulture);
    }

    // Python's repr of a float: 29.0, 9.99.
    private static string PythonFloat(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("0.0", CultureInfo.InvariantCulture) : ((double)value).ToString("R", CultureInfo.InvariantCulture);

    private static string FileName(ListQuery q, TimeZoneInfo zone)
    {
        var name = new StringBuilder("polar-subscriptions");
        foreach (var bound in new[] { q.Date("started_after"), q.Date("started_before") })
        {
            if (bound is { } date)
            {
                name.Append('-').Append(TimeZoneInfo.ConvertTime(date, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        return name.Append(".csv").ToString();
    }
}
