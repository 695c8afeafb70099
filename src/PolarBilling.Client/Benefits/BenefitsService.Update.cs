using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

// Polar's update body is a union without a common base in the models, so there is one typed overload per benefit
// type: the compiler then stops a body of the wrong type, and each body carries its fixed "type".
public sealed partial class BenefitsService
{
    /// <summary>Updates a <c>custom</c> benefit: <c>PATCH /v1/benefits/{id}</c>; only the fields set are sent. Retried (the same patch gives the same benefit).</summary>
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
        string id, BenefitCustomUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PatchAsync(id, body, requestOptions, cancellationToken);

    /// <summary>Updates a <c>discord</c> benefit: <c>PATCH /v1/benefits/{id}</c>; only the fields set are sent. Retried (the same patch gives the same benefit).</summary>
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
        string id, BenefitDiscordUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PatchAsync(id, body, requestOptions, cancellationToken);

    /// <summary>Updates a <c>github_repository</c> benefit: <c>PATCH /v1/benefits/{id}</c>; only the fields set are sent. Retried (the same patch gives the same benefit).</summary>
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
        string id, BenefitGitHubRepositoryUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PatchAsync(id, body, requestOptions, cancellationToken);

    /// <summary>Updates a <c>downloadables</c> benefit: <c>PATCH /v1/benefits/{id}</c>; only the fields set are sent. Retried (the same patch gives the same benefit).</summary>
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
        string id, BenefitDownloadablesUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PatchAsync(id, body, requestOptions, cancellationToken);

    /// <summary>Updates a <c>license_keys</c> benefit: <c>PATCH /v1/benefits/{id}</c>; only the fields set are sent. Retried (the same patch gives the same benefit).</summary>
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
        string id, BenefitLicenseKeysUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PatchAsync(id, body, requestOptions, cancellationToken);

    /// <summary>Updates a <c>meter_credit</c> benefit: <c>PATCH /v1/benefits/{id}</c>; only the fields set are sent. Retried (the same patch gives the same benefit).</summary>
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
        string id, BenefitMeterCreditUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PatchAsync(id, body, requestOptions, cancellationToken);

    /// <summary>Updates a <c>feature_flag</c> benefit: <c>PATCH /v1/benefits/{id}</c>; only the fields set are sent. Retried (the same patch gives the same benefit).</summary>
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
        string id, BenefitFeatureFlagUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PatchAsync(id, body, requestOptions, cancellationToken);

    /// <summary>Updates a <c>slack_shared_channel</c> benefit: <c>PATCH /v1/benefits/{id}</c>; only the fields set are sent. Retried (the same patch gives the same benefit).</summary>
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
        string id, BenefitSlackSharedChannelUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PatchAsync(id, body, requestOptions, cancellationToken);

    private Task<Benefit> PatchAsync<TUpdate>(string id, TUpdate body, PolarRequestOptions? requestOptions, CancellationToken cancellationToken)
        where TUpdate : PolarObject
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<TUpdate, Benefit>(HttpMethod.Patch, ItemPath(id), body, RetryMode.Safe, requestOptions, cancellationToken);
    }
}
