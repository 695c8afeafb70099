namespace PolarBilling.AspNetCore.Usage.Alerts;

/// <summary>
/// The SMTP server that sends usage alert emails (<c>Polar:Smtp</c>). The SMTP sender is used when <see cref="Host"/>
/// is set, unless the app registers its own <c>IEmailSender</c>. Validated at startup.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section, <c>Polar:Smtp</c>.</summary>
    public const string SectionName = "Polar:Smtp";

    /// <summary>The SMTP server's host name; no SMTP sender when empty.</summary>
    public string? Host { get; set; }

    /// <summary>The port. Default: 465 with <c>ssl</c>, else 587 (25 with <c>none</c>).</summary>
    public int? Port { get; set; }

    /// <summary>
    /// Transport security: <c>auto</c> (default: TLS on port 465, STARTTLS when the server offers it), <c>ssl</c>
    /// (TLS from the first byte), <c>starttls</c> (required), or <c>none</c> (plain text; for a local relay only).
    /// </summary>
    public string Security { get; set; } = "auto";

    /// <summary>The user name to authenticate with; no authentication when empty.</summary>
    public string? UserName { get; set; }

    /// <summary>The password (never logged).</summary>
    public string? Password { get; set; }

    /// <summary>How long one send may take. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The port in effect for <see cref="Security"/>.</summary>
    public int EffectivePort => Port ?? Security.ToLowerInvariant() switch
    {
        "ssl" => 465,
        "none" => 25,
        _ => 587,
    };
}
