namespace PolarBilling.Client;

// The benefits a SaaS usually needs, created in one call each. All are CreateAsync underneath, so Safe.
public sealed partial class BenefitsService
{
    /// <summary>
    /// Creates a feature flag benefit, the usual way to gate a feature by plan: customers of every product granting it
    /// hold it while their subscription or order is active. Put your feature key in <paramref name="metadata"/>.
    /// </summary>
    /// <param name="description">What customers see, 3 to 42 characters, e.g. <c>API access</c>.</param>
    /// <param name="metadata">E.g. <c>["feature"] = "api-access"</c>; <see langword="null"/> for none.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created <see cref="BenefitFeatureFlag"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="description"/> is null, empty or white space.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the body, e.g. a description over 42 characters.</exception>
    public async Task<BenefitFeatureFlag> CreateFeatureFlagAsync(
        string description, IDictionary<string, MetadataValue>? metadata = null,
        PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var body = new BenefitFeatureFlagCreate
        {
            Description = description,
            Properties = new BenefitFeatureFlagCreateProperties(),
            Metadata = metadata is null ? null : new Dictionary<string, MetadataValue>(metadata),
        };
        return Expect<BenefitFeatureFlag>(await CreateAsync(body, requestOptions, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Creates a meter credit benefit: usage included with a plan, credited to the customer's balance on the meter at
    /// each billing cycle (see <see cref="CustomerMetersService"/> for the balance).
    /// </summary>
    /// <param name="description">What customers see, 3 to 42 characters, e.g. <c>10,000 API calls a month</c>.</param>
    /// <param name="meterId">The meter credited.</param>
    /// <param name="units">Units credited per cycle.</param>
    /// <param name="rollover">Whether unused units carry over to the next cycle.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created <see cref="BenefitMeterCredit"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="description"/> or <paramref name="meterId"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is negative.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the body, e.g. an unknown meter.</exception>
    public async Task<BenefitMeterCredit> CreateMeterCreditAsync(
        string description, string meterId, long units, bool rollover = false,
        PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(meterId);
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        var body = new BenefitMeterCreditCreate
        {
            Description = description,
            Properties = new BenefitMeterCreditCreateProperties { MeterId = meterId, Units = units, Rollover = rollover },
        };
        return Expect<BenefitMeterCredit>(await CreateAsync(body, requestOptions, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Creates a custom benefit: a perk you deliver yourself, with an optional private note shown to customers who hold it.</summary>
    /// <param name="description">What customers see, 3 to 42 characters, e.g. <c>Priority support</c>.</param>
    /// <param name="note">The private note (e.g. how to reach support), or <see langword="null"/> for none.</param>
    /// <param name="requestOptions">Per-call token, timeout or API version; <see langword="null"/> uses the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created <see cref="BenefitCustom"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="description"/> is null, empty or white space.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the body.</exception>
    public async Task<BenefitCustom> CreateCustomAsync(
        string description, string? note = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);

        // The generated model types the note as raw JSON (the spec nests anyOf string/null), so write the string here.
        var body = new BenefitCustomCreate
        {
            Description = description,
            Properties = new BenefitCustomCreateProperties { Note = note },
        };
        return Expect<BenefitCustom>(await CreateAsync(body, requestOptions, cancellationToken).ConfigureAwait(false));
    }

    private static T Expect<T>(Benefit benefit) where T : Benefit =>
        benefit as T ?? throw new PolarException($"Polar created a {benefit.GetType().Name} where a {typeof(T).Name} was expected.");
}
