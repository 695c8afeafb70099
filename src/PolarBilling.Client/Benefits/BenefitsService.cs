using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Benefits granted with products (feature flags, meter credits, license keys, ...): <c>/v1/benefits/</c>. Benefit
/// management charges no one, so every call here is retried on transient failures (<c>Safe</c>).
/// </summary>
public sealed partial class BenefitsService
{
    private const string CollectionPath = "v1/benefits/";

    internal BenefitsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>Reads one benefit: <c>GET /v1/benefits/{id}</c>. Retried (a read).</summary>
    /// <param name="id">The benefit id (a UUID).</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The benefit: a <see cref="BenefitFeatureFlag"/>, <see cref="BenefitMeterCredit"/>, ... or <see cref="UnknownBenefit"/> for a type this client does not know.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No such benefit.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<Benefit> GetAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.GetAsync<Benefit>(ItemPath(id), query: null, requestOptions, cancellationToken);
    }

    /// <summary>Reads one page of benefits: <c>GET /v1/benefits/</c>. Retried (a read).</summary>
    /// <param name="options">Filters, page and limit; <see langword="null"/> reads page 1 at Polar's default limit (10).</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">A page or limit below 1.</exception>
    /// <exception cref="PolarException">The call failed.</exception>
    public Task<PolarList<Benefit>> ListAsync(
        BenefitListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<Benefit>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>Reads every matching benefit, page after page from <see cref="ListOptions.Page"/> (default 1). Retried per page.</summary>
    /// <param name="options">Filters and page size; <see langword="null"/> lists all.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The benefits, lazily.</returns>
    /// <exception cref="PolarException">A page could not be read.</exception>
    public IAsyncEnumerable<Benefit> ListAutoPagingAsync(
        BenefitListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<Benefit>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>
    /// Creates a benefit: <c>POST /v1/benefits/</c>, e.g. a <see cref="BenefitFeatureFlagCreate"/> or a
    /// <see cref="BenefitMeterCreditCreate"/>. Attach it to products with <see cref="ProductsService.SetBenefitsAsync"/>.
    /// Retried: a repeat after an ambiguous failure can leave a duplicate benefit, never a charge.
    /// </summary>
    /// <param name="body">The benefit; <c>Description</c> is 3 to 42 characters.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created benefit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the body (e.g. an unknown meter id for meter credits).</exception>
    public Task<Benefit> CreateAsync(BenefitCreate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<BenefitCreate, Benefit>(HttpMethod.Post, CollectionPath, body, RetryMode.Safe, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Deletes a benefit: <c>DELETE /v1/benefits/{id}</c> (204). Polar revokes it from every customer holding it.
    /// Retried; when a first attempt succeeded but its answer was lost, the repeat answers 404, so a
    /// <see cref="PolarNotFoundException"/> after a retry can mean "already deleted".
    /// </summary>
    /// <param name="id">The benefit id.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Polar has deleted the benefit.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarPermissionException">The benefit is not deletable (403 <c>NotPermitted</c>, see <see cref="Benefit.Deletable"/>).</exception>
    /// <exception cref="PolarNotFoundException">No such benefit.</exception>
    public Task DeleteAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.SendWithoutResultAsync(HttpMethod.Delete, ItemPath(id), query: null, RetryMode.Safe, requestOptions, cancellationToken);
    }

    private static string ItemPath(string id) => $"v1/benefits/{Uri.EscapeDataString(id)}";
}
