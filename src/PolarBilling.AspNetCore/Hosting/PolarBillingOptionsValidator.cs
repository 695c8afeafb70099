using Microsoft.Extensions.Options;
using PolarBilling.AspNetCore.Usage;
using PolarBilling.Plans;

namespace PolarBilling.AspNetCore.Hosting;

/// <summary>Checks <see cref="PolarBillingOptions"/> at startup, with messages that say what to set and where.</summary>
internal sealed class PolarBillingOptionsValidator : IValidateOptions<PolarBillingOptions>
{
    private static readonly string[] Prorations = ["invoice", "prorate", "next_period"];

    public ValidateOptionsResult Validate(string? name, PolarBillingOptions options)
    {
        var problems = new List<string>(BillingPlanCatalog.Validate(options.Plans));
        if (string.IsNullOrWhiteSpace(options.WebhookSecret))
        {
            problems.Add("Polar:WebhookSecret is missing: set it in appsettings or POLAR_WEBHOOK_SECRET (the endpoint's secret from Polar > Settings > Webhooks).");
        }

        if (!options.RoutePrefix.StartsWith('/'))
        {
            problems.Add($"Polar:RoutePrefix '{options.RoutePrefix}' must start with '/', e.g. '/api'.");
        }

        if (options.PastDueGracePeriod < TimeSpan.Zero)
        {
            problems.Add("Polar:PastDueGracePeriod is negative: use 0 to cut access at once, or a duration such as '7.00:00:00'.");
        }

        if (options.CheckoutsPerUserPerMinute < 0)
        {
            problems.Add("Polar:CheckoutsPerUserPerMinute is negative: use 0 to turn the limit off.");
        }

        foreach (var origin in options.AllowedRedirectOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.PathAndQuery != "/")
            {
                problems.Add($"Polar:AllowedRedirectOrigins '{origin}' is not an origin: use scheme, host and port only, e.g. 'https://app.example.com'.");
            }
        }

        problems.AddRange(UsageOptionsProblems.Of(options.Usage));
        Check(problems, "UpgradeProration", options.UpgradeProration);
        Check(problems, "DowngradeProration", options.DowngradeProration);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(List<string> problems, string setting, string value)
    {
        if (!Prorations.Contains(value, StringComparer.Ordinal))
        {
            problems.Add($"Polar:{setting} '{value}' is not a Polar proration: use 'invoice', 'prorate' or 'next_period'.");
        }
    }
}
