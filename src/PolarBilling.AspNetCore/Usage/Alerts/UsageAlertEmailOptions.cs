namespace PolarBilling.AspNetCore.Usage.Alerts;

/// <summary>Extra settings of usage alert emails, read from <c>Polar:Usage</c> next to <c>AlertEmailFrom</c>.</summary>
public sealed class UsageAlertEmailOptions
{
    /// <summary>An absolute URL of the app's usage page, linked from alert emails (<c>Polar:Usage:UsagePageUrl</c>); no link when empty.</summary>
    public string? UsagePageUrl { get; set; }
}
