namespace PolarBilling.Client;

public sealed partial class BenefitsService
{
    /// <summary>
    /// Reads one page of the grants of one benefit (who holds it, or held it): <c>GET /v1/benefits/{id}/grants</c>.
    /// Retried (a read). For grants across benefits use <see cref="BenefitGrantsService"/>.
    /// </summary>
    /// <param name="id">The benefit id.</param>
    /// <param name="options">Filters, page and limit; <see langword="null"/> reads page 1 at Polar's default limit (10).</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of grants.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space; a page or limit below 1; or sorting was set (this list has none).</exception>
    /// <exception cref="PolarNotFoundException">No such benefit.</exception>
    public Task<PolarList<BenefitGrant>> ListGrantsAsync(
        string id, BenefitGrantsOfBenefitListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.ListAsync<BenefitGrant>(GrantsPath(id), options, requestOptions, cancellationToken);
    }

    /// <summary>Reads every grant of one benefit, page after page (see <see cref="ListGrantsAsync"/>). Retried per page.</summary>
    /// <param name="id">The benefit id.</param>
    /// <param name="options">Filters and page size; <see langword="null"/> lists all.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The grants, lazily.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="PolarException">A page could not be read.</exception>
    public IAsyncEnumerable<BenefitGrant> ListGrantsAutoPagingAsync(
        string id, BenefitGrantsOfBenefitListOptions? options = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Transport.ListAllAsync<BenefitGrant>(GrantsPath(id), options, requestOptions, cancellationToken);
    }

    private static string GrantsPath(string id) => $"{ItemPath(id)}/grants";
}
