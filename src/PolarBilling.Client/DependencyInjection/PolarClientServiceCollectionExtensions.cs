using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolarBilling.Client;
using PolarBilling.Client.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="PolarClient"/> with dependency injection.</summary>
public static class PolarClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client sends through (configure it with <c>AddHttpClient(name)</c>).</summary>
    public const string HttpClientName = "PolarBilling.Client";

    /// <summary>
    /// Registers a singleton <see cref="PolarClient"/> bound to the <paramref name="sectionName"/> section, with
    /// <c>POLAR_ACCESS_TOKEN</c> and <c>POLAR_SERVER</c> as fallbacks. Options are validated at startup.
    /// Calling it again is harmless.
    /// </summary>
    public static IServiceCollection AddPolarClient(this IServiceCollection services, IConfiguration configuration, string sectionName = "Polar")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(sectionName);
        services.AddOptions<PolarClientOptions>()
            .Bind(section)
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.AccessToken))
                {
                    options.AccessToken = configuration["POLAR_ACCESS_TOKEN"];
                }

                // An empty placeholder ("Server": "") falls back like a missing key, as the token does.
                if (string.IsNullOrWhiteSpace(section["Server"]) && !string.IsNullOrWhiteSpace(configuration["POLAR_SERVER"]))
                {
                    options.Server = configuration["POLAR_SERVER"]!;
                }
            });
        return services.AddPolarClientCore();
    }

    /// <summary>
    /// Registers a singleton <see cref="PolarClient"/> bound to the <paramref name="sectionName"/> section of the
    /// app's <see cref="IConfiguration"/> (resolved from the container), with <c>POLAR_ACCESS_TOKEN</c> and
    /// <c>POLAR_SERVER</c> as fallbacks. Options are validated at startup. Calling it again is harmless.
    /// </summary>
    public static IServiceCollection AddPolarClient(this IServiceCollection services, string sectionName = "Polar")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        services.AddOptions<PolarClientOptions>()
            .BindConfiguration(sectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(options.AccessToken))
                {
                    options.AccessToken = configuration["POLAR_ACCESS_TOKEN"];
                }

                if (string.IsNullOrWhiteSpace(configuration.GetSection(sectionName)["Server"]) && !string.IsNullOrWhiteSpace(configuration["POLAR_SERVER"]))
                {
                    options.Server = configuration["POLAR_SERVER"]!;
                }
            });
        return services.AddPolarClientCore();
    }

    /// <summary>Registers a singleton <see cref="PolarClient"/> configured in code. Options are validated at startup.</summary>
    public static IServiceCollection AddPolarClient(this IServiceCollection services, Action<PolarClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PolarClientOptions>().Configure(configure);
        return services.AddPolarClientCore();
    }

    private static IServiceCollection AddPolarClientCore(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddOptions<PolarClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolarClientOptions>, PolarClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            var options = provider.GetRequiredService<IOptions<PolarClientOptions>>().Value;
            return new PolarClient(() => factory.CreateClient(HttpClientName), options, provider.GetRequiredService<TimeProvider>());
        });
        return services;
    }
}
