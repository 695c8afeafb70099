using System.Diagnostics.CodeAnalysis;

namespace PolarBilling.Client;

/// <summary>The names <see cref="PolarClientOptions.Server"/> accepts besides a URL.</summary>
public static class PolarServers
{
    /// <summary>Polar production, https://api.polar.sh.</summary>
    public const string Production = "production";

    /// <summary>Polar's sandbox, https://sandbox-api.polar.sh: separate accounts and tokens, test cards.</summary>
    public const string Sandbox = "sandbox";

    /// <summary>The production API base address.</summary>
    public static Uri ProductionUrl { get; } = new("https://api.polar.sh/");

    /// <summary>The sandbox API base address.</summary>
    public static Uri SandboxUrl { get; } = new("https://sandbox-api.polar.sh/");

    /// <summary>Resolves a server name or URL to a base address ending in <c>/</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is neither a known name nor an absolute http(s) URL.</exception>
    public static Uri Resolve(string? server) => TryResolve(server, out var uri)
        ? uri
        : throw new InvalidOperationException($"Polar server '{server}' is not valid: use 'production', 'sandbox' or an absolute http(s) URL.");

    /// <summary>Tries to resolve a server name or URL to a base address ending in <c>/</c>.</summary>
    public static bool TryResolve(string? server, [NotNullWhen(true)] out Uri? baseAddress)
    {
        baseAddress = server?.Trim().ToLowerInvariant() switch
        {
            null or "" or Production => ProductionUrl,
            Sandbox => SandboxUrl,
            _ => null,
        };
        if (baseAddress is not null)
        {
            return true;
        }

        if (Uri.TryCreate(server!.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            // Paths are joined relative to the base, so it must end in '/'; a trailing "/v1" is tolerated.
            var text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (text.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
            {
                text = text[..^3];
            }

            baseAddress = new Uri(text + "/");
            return true;
        }

        return false;
    }
}
