using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// Benefit grants across benefits and customers: <c>/v1/benefit-grants/</c>. Read only (grants follow subscriptions
/// and orders); every call is retried on transient failures. For one benefit's grants see <see cref="BenefitsService.ListGrantsAsync"/>.
/// </summary>
public sealed partial class BenefitGrantsService
{
    private const string CollectionPath = "v1/benefit-grants/";

    internal BenefitGrantsService(PolarTransport transport) => Transport = transport;

    internal PolarTransport Transport { get; }

    /// <summary>Reads one page of benefit grants: <c>GET /v1/benefit-grants/</c>. Retried (a read).</summary>
    /// <param name="options">Filters, page and limit; <see langword="null"/> reads page 1 at Polar's default limit (10), newest first.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of grants, each with its customer and benefit embedded.</returns>
    /// <exception cref="ArgumentException">A page or limit below 1.</exception>
    /// <exception cref="PolarException">The call failed.</exception>
    public Task<PolarList<BenefitGrant>> ListAsync(
        BenefitGrantListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAsync<BenefitGrant>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>Reads every matching grant, page after page from <see cref="ListOptions.Page"/> (default 1). Retried per page.</summary>
    /// <param name="options">Filters and page size; <see langword="null"/> lists all.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The grants, lazily.</returns>
    /// <exception cref="PolarException">A page could not be read.</exception>
    public IAsyncEnumerable<BenefitGrant> ListAutoPagingAsync(
        BenefitGrantListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.ListAllAsync<BenefitGrant>(CollectionPath, options, requestOptions, cancellationToken);

    /// <summary>
    /// Every benefit currently granted to one of your users (by your external customer id), across all pages: the
    /// entitlements Polar holds for them. Retried per page.
    /// </summary>
    /// <param name="externalCustomerId">Your user id, as set in the customer's <c>external_id</c>.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The active grants, lazily, 100 per page.</returns>
    /// <exception cref="ArgumentException"><paramref name="externalCustomerId"/> is null, empty or white space.</exception>
    public IAsyncEnumerable<BenefitGrant> ListActiveForExternalCustomerAsync(
        string externalCustomerId, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalCustomerId);
        var options = new BenefitGrantListOptions { ExternalCustomerId = [externalCustomerId], IsGranted = true, Limit = 100 };
        return ListAutoPagingAsync(options, requestOptions, cancellationToken);
    }
}
