using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Customers;

/// <summary>
/// <c>POST /v1/customers/</c> as Polar's <c>customer/service.py create</c>: email and external id unique in the
/// organization (422 at <c>body.email</c> / <c>body.external_id</c>, both reported at once), tax id checked against the
/// billing country, and for a team customer (or any customer given an <c>owner</c>) the owner member created first
/// (<c>member.created</c>), then <c>customer.created</c> and <c>customer.state_changed</c>.
/// </summary>
internal static class CustomerCreation
{
    public static Customer Create(EmulatorState state, JsonElement body)
    {
        var isTeam = body.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "team";
        var email = Text(body, "email") is { } e ? CustomerFields.Email(e, "email") : null;
        var externalId = Text(body, "external_id");
        var owner = body.TryGetProperty("owner", out var o) && o.ValueKind == JsonValueKind.Object ? o : (JsonElement?)null;

        var issues = new List<ValidationIssue>();
        if (email is not null && CustomerEngine.FindByEmail(state, email) is not null)
        {
            issues.Add(ValidationIssue.BodyValue("email", "A customer with this email address already exists.", email));
        }

        // The unique index keeps anonymized customers' external ids (soft deletion clears them), so check every customer.
        if (externalId is not null && state.Customers.All.Any(c => c.ExternalId == externalId))
        {
            issues.Add(ValidationIssue.BodyValue("external_id", "A customer with this external ID already exists.", externalId));
        }

        if (issues.Count > 0)
        {
            throw Problems.Validation(issues);
        }

        var billingAddress = body.TryGetProperty("billing_address", out var address) ? CustomerFields.Address(address) : null;
        var taxId = Text(body, "tax_id") is { } tax ? CustomerFields.TaxId(tax, billingAddress) : null;
        var ownerEmail = owner is { } ow && Text(ow, "email") is { } oe ? CustomerFields.Email(oe, "owner", "email") : null;
        if ((isTeam || owner is not null) && (ownerEmail ?? email) is null)
        {
            throw Problems.Validation(ValidationIssue.BodyValue("email", "An email is required to create an owner member."));
        }

        Customer customer = isTeam ? new CustomerTeam { Email = email } : new CustomerIndividual { Email = email ?? string.Empty };
        customer.Id = PolarTokens.NewId();
        customer.CreatedAt = state.Now;
        customer.ExternalId = externalId;
        customer.Name = Text(body, "name");
        customer.BillingAddress = billingAddress;
        customer.TaxId = taxId;
        customer.Locale = Text(body, "locale");
        customer.Metadata = body.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            ? Client.Serialization.PolarJson.Deserialize<Dictionary<string, MetadataValue>>(metadata.GetRawText()) : [];
        customer.OrganizationId = state.Organization.Id;
        customer.AvatarUrl = CustomerFields.AvatarUrl(email);

        if (isTeam || owner is not null)
        {
            // Polar creates the owner inside the request and sends member.created at once; the customer webhooks follow from a job.
            state.Customers.Add(customer);
            MemberRules.CreateOwner(state, customer, ownerEmail ?? email!, owner is { } ow2 ? Text(ow2, "name") : null, owner is { } ow3 ? Text(ow3, "external_id") : null);
        }

        CustomerEngine.Created(state, customer);
        return customer;
    }

    /// <summary>A string property, or <see langword="null"/> when absent or null.</summary>
    public static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
