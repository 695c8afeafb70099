using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Organizations;

/// <summary>
/// The emulator's one organization as Polar's <c>Organization</c> object: everything beyond the id, name, slug and
/// default proration behaviour that <see cref="EmulatorOrganization"/> holds (email, socials, settings, …). Those four
/// stay in <see cref="EmulatorState.Organization"/>, which other features read; this store mirrors them both ways.
/// </summary>
internal sealed class OrganizationProfile : IEmulatorStore
{
    private readonly EmulatorState _state;
    private Organization? _model;

    public OrganizationProfile(EmulatorState state) => _state = state;

    public string Name => "organization";

    /// <summary>The organization as Polar answers it right now.</summary>
    public Organization Current
    {
        get
        {
            var model = _model ??= OrganizationDefaults.Create(_state.Organization);
            var core = _state.Organization;
            model.Id = core.Id;
            model.Name = core.Name;
            model.Slug = core.Slug;
            model.CreatedAt = core.CreatedAt;
            model.ModifiedAt = core.ModifiedAt;
            model.ProrationBehavior = new SubscriptionProrationBehavior(core.ProrationBehavior);
            model.SubscriptionSettings.ProrationBehavior = core.ProrationBehavior;
            model.AllowCustomerUpdates = model.SubscriptionSettings.AllowCustomerUpdates;
            return model;
        }
    }

    /// <summary>Whether a feature flag of <c>feature_settings</c> is on, e.g. <c>meter_cycling_enabled</c>.</summary>
    public bool FeatureEnabled(Func<OrganizationFeatureSettings, bool> flag) =>
        Current.FeatureSettings is { } settings && flag(settings);

    /// <summary>Nothing to forget: like its id and token, the organization outlives a reset.</summary>
    public void Clear()
    {
    }

    public void Export(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, Current, PolarJson.TypeInfo<Organization>());

    public void Import(JsonElement value)
    {
        var imported = value.Deserialize(PolarJson.TypeInfo<Organization>()) ?? throw new JsonException("The organization is null.");

        // The id stays this emulator's: its token acts for it.
        imported.Id = _state.Organization.Id;
        imported.SubscriptionSettings ??= OrganizationDefaults.SubscriptionSettings();
        _model = imported;
        var core = _state.Organization;
        core.Name = imported.Name;
        core.Slug = imported.Slug;
        core.CreatedAt = imported.CreatedAt;
        core.ModifiedAt = imported.ModifiedAt;
        core.ProrationBehavior = imported.SubscriptionSettings.ProrationBehavior;
    }
}
