using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.Organizations;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Benefits;

internal static partial class BenefitsApi
{
    // Types whose update schema carries `visibility`; the others are always shown in the portal.
    private static readonly HashSet<string> VisibilityConfigurable = new(StringComparer.Ordinal) { "custom", "feature_flag", "license_keys", "meter_credit" };

    /// <summary><c>POST /v1/benefits/</c>: validated properties, stored, then <c>benefit.created</c>.</summary>
    private static IResult Create(HttpContext context, EmulatorState state)
    {
        lock (state.Gate)
        {
            var body = context.Body();
            PayloadOrganization.Check(body);
            var type = body.GetProperty("type").GetString()!;
            var benefit = BenefitProperties.Create(state, type, body.GetProperty("properties"));
            var configurable = VisibilityConfigurable.Contains(type);
            benefit.Id = PolarTokens.NewId();
            benefit.CreatedAt = state.Now;
            benefit.ModifiedAt = null;
            benefit.Description = body.GetProperty("description").GetString()!;
            benefit.Selectable = true;
            benefit.Deletable = true;
            benefit.IsDeleted = false;
            benefit.OrganizationId = state.Organization.Id;
            benefit.Metadata = Metadata(body) ?? [];
            benefit.VisibilityConfigurable = configurable;
            benefit.Visibility = configurable && Text(body, "visibility") is { } visibility ? new BenefitVisibility(visibility) : BenefitVisibility.Public;
            state.Benefits.Add(benefit);
            state.Webhooks.Emit(new BenefitCreatedWebhookEvent(benefit, state.Now));
            return ApiResults.Created(benefit);
        }
    }

    /// <summary>
    /// <c>PATCH /v1/benefits/{id}</c>: the body's <c>type</c> must be the benefit's (422 at <c>body.type</c>, Polar's
    /// service message); set fields change, properties are validated as on create; then <c>benefit.updated</c>.
    /// </summary>
    private static IResult Update(HttpContext context, EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            var benefit = Find(state, id);
            var body = context.Body();
            var type = BenefitKinds.TypeOf(benefit);
            if (body.GetProperty("type").GetString() != type)
            {
                throw Problems.Validation(ValidationIssue.BodyValue("type", "Benefit type cannot be changed.", type));
            }

            if (body.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                BenefitProperties.Replace(state, benefit, type, properties);
            }

            if (Text(body, "description") is { } description)
            {
                benefit.Description = description;
            }

            if (Metadata(body) is { } metadata)
            {
                benefit.Metadata = metadata;
            }

            if (VisibilityConfigurable.Contains(type) && Text(body, "visibility") is { } visibility)
            {
                benefit.Visibility = new BenefitVisibility(visibility);
            }

            benefit.ModifiedAt = state.Now;
            state.Webhooks.Emit(new BenefitUpdatedWebhookEvent(benefit, state.Now));
            return ApiResults.Json(benefit);
        }
    }

    /// <summary>
    /// <c>DELETE /v1/benefits/{id}</c> as Polar's <c>delete</c>: soft-deletes the benefit, detaches it from every
    /// product, sends <c>benefit.updated</c> (Polar has no <c>benefit.deleted</c>), then its <c>benefit.delete</c> job
    /// revokes every grant (<c>benefit_grant.revoked</c> and <c>customer.state_changed</c> each) → 204.
    /// </summary>
    private static IResult Delete(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            var benefit = Find(state, id);
            if (!benefit.Deletable)
            {
                throw Problems.NotPermitted();
            }

            benefit.IsDeleted = true;
            benefit.ModifiedAt = state.Now;
            foreach (var product in state.Products.All.Where(p => p.Benefits.Any(b => b.Id == benefit.Id)))
            {
                product.Benefits = [.. product.Benefits.Where(b => b.Id != benefit.Id)];
            }

            state.Webhooks.Emit(new BenefitUpdatedWebhookEvent(benefit, state.Now));
            foreach (var grant in state.BenefitGrants.All.Where(g => g.BenefitId == benefit.Id && g.IsGranted).ToList())
            {
                BenefitGrantActions.Delete(state, grant);
            }

            return ApiResults.NoContent();
        }
    }

    private static Dictionary<string, MetadataValue>? Metadata(JsonElement body) =>
        body.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            ? PolarJson.Deserialize<Dictionary<string, MetadataValue>>(metadata.GetRawText())
            : null;

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
