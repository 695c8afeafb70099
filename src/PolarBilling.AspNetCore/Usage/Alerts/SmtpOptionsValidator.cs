using Microsoft.Extensions.Options;

namespace PolarBilling.AspNetCore.Usage.Alerts;

/// <summary>Checks <see cref="SmtpOptions"/> at startup, naming the key to set.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    private static readonly string[] Securities = ["auto", "ssl", "starttls", "none"];

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var problems = new List<string>();
        if (!Securities.Contains(options.Security.ToLowerInvariant(), StringComparer.Ordinal))
        {
            problems.Add("Polar:Smtp:Security must be 'auto', 'ssl', 'starttls' or 'none'.");
        }

        if (options.Port is < 1 or > 65535)
        {
            problems.Add("Polar:Smtp:Port must be between 1 and 65535 (usually 587 for STARTTLS or 465 for SSL).");
        }

        if (!string.IsNullOrWhiteSpace(options.UserName) && string.IsNullOrEmpty(options.Password))
        {
            problems.Add("Polar:Smtp:Password is missing: set it with Polar:Smtp:UserName (for example from an environment variable Polar__Smtp__Password).");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            problems.Add("Polar:Smtp:Timeout must be positive, e.g. '00:00:30'.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
