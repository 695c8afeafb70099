using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PolarBilling.Client;

namespace PolarBilling.AspNetCore.Diagnostics;

/// <summary>
/// <c>polar-billing-polar</c>: one authenticated read (<c>GET /v1/products/?limit=1</c>) with a short timeout. A slow
/// or failing Polar is Degraded (entitlements read the local projection and keep working); a refused token is the
/// registration's failure status, since checkouts and portal links cannot work until it is fixed. A singleton, so it
/// can keep the last answer for <see cref="PolarBillingHealthCheckOptions.PolarProbeInterval"/>.
/// </summary>
internal sealed class PolarApiHealthCheck(IServiceProvider services, IOptionsMonitor<PolarBillingHealthCheckOptions> options) : IHealthCheck
{
    // A reference swapped whole, so concurrent checks never read a time from one probe and a result from another.
    private volatile Probe? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        if (_last is { } last && Environment.TickCount64 - last.At < settings.PolarProbeInterval.TotalMilliseconds)
        {
            return last.Result;
        }

        var result = await ProbeAsync(context, settings.PolarTimeout, cancellationToken).ConfigureAwait(false);
        _last = new Probe(Environment.TickCount64, result);
        return result;
    }

    private async Task<HealthCheckResult> ProbeAsync(HealthCheckContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (services.GetService<PolarClient>() is not { } client)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "No PolarClient is registered: AddPolarBilling() registers it from the 'Polar' section.");
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["server"] = client.BaseAddress.GetLeftPart(UriPartial.Authority) };
        var started = Stopwatch.GetTimestamp();
        try
        {
            await client.Products.ListAsync(new ProductListOptions { Limit = 1 }, new PolarRequestOptions { Timeout = timeout }, cancellationToken)
                .ConfigureAwait(false);
            return HealthCheckResult.Healthy("Polar answered.", Measured(data, started));
        }
        catch (PolarAuthenticationException)
        {
            return Failed(context, Measured(data, started, 401),
                "Polar refused the access token (401): check Polar:AccessToken (or POLAR_ACCESS_TOKEN) and that Polar:Server matches it (a sandbox token only works on sandbox).");
        }
        catch (PolarPermissionException)
        {
            return Failed(context, Measured(data, started, 403),
                "Polar answered 403: the access token lacks the products:read scope; create an organization token with the billing scopes.");
        }
        catch (PolarTimeoutException)
        {
            return HealthCheckResult.Degraded(Text($"Polar did not answer within {timeout.TotalSeconds:0.#} s."), data: Measured(data, started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded(Text($"Polar did not answer within {timeout.TotalSeconds:0.#} s."), data: Measured(data, started));
        }
        catch (PolarConnectionException ex)
        {
            return HealthCheckResult.Degraded($"Polar could not be reached: {ex.InnerException?.Message ?? ex.Message}", data: Measured(data, started));
        }
        catch (PolarApiException ex) when (ex is PolarServerException or PolarRateLimitException)
        {
            return HealthCheckResult.Degraded(Text($"Polar answered {(int)ex.StatusCode} ({ex.Error ?? "no error name"})."), data: Measured(data, started, (int)ex.StatusCode));
        }
        catch (PolarApiException ex)
        {
            return Failed(context, Measured(data, started, (int)ex.StatusCode), Text($"Polar answered {(int)ex.StatusCode} ({ex.Error ?? "no error name"}): {ex.Detail}"));
        }
    }

    private static HealthCheckResult Failed(HealthCheckContext context, Dictionary<string, object> data, string description) =>
        new(context.Registration.FailureStatus, description, data: data);

    private static Dictionary<string, object> Measured(Dictionary<string, object> data, long started, int? statusCode = null)
    {
        data["duration_ms"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
        if (statusCode is { } code)
        {
            data["status_code"] = code;
        }

        return data;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Probe(long At, HealthCheckResult Result);
}
