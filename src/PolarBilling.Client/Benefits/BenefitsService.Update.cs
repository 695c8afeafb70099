using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

public sealed partial class BenefitsService
{
    /// <summary>
    /// Updates a benefit: <c>PATCH /v1/benefits/{id}</c>; only the fields set are sent. Pass the member of
    /// <see cref="BenefitUpdate"/> that matches the benefit's type (e.g. <see cref="BenefitFeatureFlagUpdate"/>); each
    /// carries its fixed <c>type</c>. Retried (the same patch gives the same benefit).
    /// </summary>
    /// <param name="id">The benefit id.</param>
    /// <param name="body">The fields to change; its type must match the benefit's.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated benefit.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarNotFoundException">No such benefit.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the body, e.g. the benefit is of another type.</exception>
    public Task<Benefit> UpdateAsync(
        string id, BenefitUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<BenefitUpdate, Benefit>(HttpMethod.Patch, ItemPath(id), body, RetryMode.Safe, requestOptions, cancellationToken);
    }
}
