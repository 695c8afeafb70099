using PolarBilling.AspNetCore.Usage;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The <c>.TrackUsage(…)</c> convention for minimal API endpoints, route groups, controllers and Razor Pages.</summary>
public static class UsageEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Bills each successful call (status below 400) of a signed-in user as <paramref name="quantity"/> units of
    /// <paramref name="meter"/>. Works on one endpoint, a route group (every endpoint in it) and
    /// <c>MapControllers()</c>/<c>MapRazorPages()</c>. Anonymous and failed calls are not billed.
    /// </summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The endpoint(s).</param>
    /// <param name="meter">The meter key, e.g. <c>api_calls</c>.</param>
    /// <param name="quantity">Units per call; default 1.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The meter is empty or the quantity is below 1.</exception>
    public static TBuilder TrackUsage<TBuilder>(this TBuilder builder, string meter, long quantity = 1)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var metadata = new TrackUsageAttribute(meter, quantity);
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }
}
