namespace PolarBilling.Client;

/// <summary>Per-call overrides of <see cref="PolarClientOptions"/>.</summary>
public sealed class PolarRequestOptions
{
    /// <summary>Use this token for this call instead of the configured one (e.g. another organization's).</summary>
    public string? AccessToken { get; init; }

    /// <summary>The longest this call may take, retries included.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Send this <c>Polar-Version</c> for this call.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Send this <c>Polar-Organization</c> for this call.</summary>
    public string? OrganizationId { get; init; }
}
