using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Organizations;

/// <summary>
/// Polar's <c>get_payload_organization</c> (server <c>organization/resolver.py</c>), the first step of every create
/// service: an organization token already names the organization, so a body that sets <c>organization_id</c> at
/// all, even to that organization, is refused.
/// </summary>
internal static class PayloadOrganization
{
    /// <exception cref="EmulatorProblem">422 <c>organization_token</c> at <c>body.organization_id</c>.</exception>
    public static void Check(JsonElement body)
    {
        if (body.TryGetProperty("organization_id", out var id) && id.ValueKind != JsonValueKind.Null)
        {
            throw Problems.Validation(new ValidationIssue(
                "organization_token", ["body", "organization_id"], "Setting organization_id is disallowed when using an organization token.", JsonNode.Parse(id.GetRawText())));
        }
    }
}
