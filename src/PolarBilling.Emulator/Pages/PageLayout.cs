using System.Globalization;
using System.Net;
using System.Text;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// The frame every hosted page shares: one HTML document with its CSS inline and no script or external asset, so it
/// works offline in any browser. Everything that came from a user or the merchant goes through <see cref="Encode"/>.
/// </summary>
internal static class PageLayout
{
    private const string Css =
        "*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;background:#f5f5f7;color:#1d1d1f}"
        + "main{max-width:960px;margin:0 auto;padding:32px 16px}header{display:flex;justify-content:space-between;align-items:baseline;margin-bottom:24px}"
        + "header .org{font-weight:600;font-size:18px}header .tag{font-size:12px;color:#86868b;border:1px solid #d2d2d7;border-radius:10px;padding:1px 8px}"
        + ".grid{display:grid;grid-template-columns:1fr 1fr;gap:24px}@media(max-width:720px){.grid{grid-template-columns:1fr}}"
        + ".card{background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:24px}"
        + "h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:0 0 12px}p{margin:0 0 12px}"
        + "table{width:100%;border-collapse:collapse}td,th{padding:6px 4px;text-align:left;vertical-align:top;border-bottom:1px solid #eee}td.amount,th.amount{text-align:right;white-space:nowrap}"
        + "tr.total td{font-weight:700;border-bottom:none}label{display:block;font-size:13px;font-weight:600;margin:12px 0 4px}"
        + "input[type=text],input[type=email],select{width:100%;padding:9px 10px;border:1px solid #d2d2d7;border-radius:8px;font:inherit;background:#fff}"
        + ".row{display:flex;gap:8px}.row>*{flex:1}.inline{display:flex;gap:8px;align-items:center}.inline input{flex:1}"
        + "button{font:inherit;border:0;border-radius:8px;padding:9px 14px;cursor:pointer;background:#e8e8ed;color:#1d1d1f}"
        + "button.primary{background:#0062ff;color:#fff;width:100%;padding:12px;margin-top:16px;font-weight:600}button.danger{background:#fde8e8;color:#b42318}"
        + ".hint{font-size:12px;color:#6e6e73;margin-top:4px}.muted{color:#6e6e73}.errors{background:#fde8e8;color:#b42318;border-radius:8px;padding:10px 14px;margin-bottom:16px}"
        + ".errors ul{margin:0;padding-left:18px}.notice{background:#e7f6ec;color:#0a6c2f;border-radius:8px;padding:10px 14px;margin-bottom:16px}"
        + ".badge{display:inline-block;font-size:12px;border-radius:10px;padding:1px 8px;background:#e8e8ed}.badge.active,.badge.trialing,.badge.paid,.badge.succeeded{background:#e7f6ec;color:#0a6c2f}"
        + ".badge.past_due,.badge.canceled,.badge.unpaid,.badge.expired{background:#fde8e8;color:#b42318}.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}.actions form{margin:0}"
        + ".offscreen{position:absolute;left:-9999px}code{font-family:ui-monospace,monospace;font-size:13px}";

    /// <summary>A whole page: <paramref name="title"/> (encoded here) and <paramref name="body"/> (already HTML).</summary>
    public static string Document(string organization, string title, string badge, string body) =>
        new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append(" · ").Append(Encode(organization)).Append("</title><style>").Append(Css).Append("</style></head><body><main>")
            .Append("<header><span class=\"org\">").Append(Encode(organization)).Append("</span><span class=\"tag\">").Append(Encode(badge)).Append("</span></header>")
            .Append(body)
            .Append("</main></body></html>")
            .ToString();

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Minor units as the page shows them: <c>$15.00</c>, <c>€9.50</c>, else <c>12.00 SEK</c>.</summary>
    public static string Money(long amount, string currency)
    {
        var sign = amount < 0 ? "-" : string.Empty;
        var value = (Math.Abs(amount) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        return currency.ToLowerInvariant() switch
        {
            "usd" => $"{sign}${value}",
            "eur" => $"{sign}€{value}",
            "gbp" => $"{sign}£{value}",
            _ => $"{sign}{value} {currency.ToUpperInvariant()}",
        };
    }

    /// <summary>A date as the pages show it: <c>2 Dec 2026</c>.</summary>
    public static string Date(DateTimeOffset value) => value.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>How often a price recurs: <c>month</c>, or <c>3 months</c>.</summary>
    public static string Every(string interval, long count) =>
        count == 1 ? interval : string.Create(CultureInfo.InvariantCulture, $"{count} {interval}s");

    /// <summary>A list of error messages in the page's error box, or nothing.</summary>
    public static string Errors(IReadOnlyList<string> messages)
    {
        if (messages.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<div class=\"errors\" role=\"alert\"><ul>");
        foreach (var message in messages)
        {
            html.Append("<li>").Append(Encode(message)).Append("</li>");
        }

        return html.Append("</ul></div>").ToString();
    }

    /// <summary>A success message box, or nothing.</summary>
    public static string Notice(string? message) =>
        message is null ? string.Empty : $"<div class=\"notice\" role=\"status\">{Encode(message)}</div>";
}
