using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Customers;

/// <summary>
/// <c>PATCH /v1/customers/{id}</c> (and by external id) as Polar's <c>customer/service.py update</c>: every rule is
/// checked before anything changes; then <c>customer.updated</c> and <c>customer.state_changed</c>, always.
/// </summary>
internal static class CustomerChanges
{
    /// <param name="state">The emulator state.</param>
    /// <param name="customer">The customer to change.</param>
    /// <param name="body">The validated <c>CustomerUpdate</c> or <c>CustomerUpdateExternalID</c> body.</param>
    /// <param name="full">Whether the body is a <c>CustomerUpdate</c> (may set <c>external_id</c> and <c>type</c>).</param>
    public static Customer Update(EmulatorState state, Customer customer, JsonElement body, bool full)
    {
        var issues = new List<ValidationIssue>();
        var email = CustomerCreation.Text(body, "email");
        var emailChanged = email is not null && !string.Equals(CustomerEngine.EmailOf(customer), email, StringComparison.OrdinalIgnoreCase);
        if (emailChanged && CustomerEngine.FindByEmail(state, CustomerFields.Email(email!, "email")) is not null)
        {
            issues.Add(ValidationIssue.BodyValue("email", "A customer with this email address already exists.", email));
        }

        var hasAddress = body.TryGetProperty("billing_address", out var address);
        if (hasAddress && address.ValueKind == JsonValueKind.Null)
        {
            issues.Add(ValidationIssue.BodyValue("billing_address", "Customer billing address cannot be reset to null once set."));
        }

        var externalId = CustomerCreation.Text(body, "external_id");
        if (full && body.TryGetProperty("external_id", out _) && customer.ExternalId != externalId)
        {
            if (customer.ExternalId is not null)
            {
                issues.Add(ValidationIssue.BodyValue("external_id", "Customer external ID cannot be updated.", externalId));
            }
            else if (externalId is not null && state.Customers.All.Any(c => c.ExternalId == externalId))
            {
                issues.Add(ValidationIssue.BodyValue("external_id", "A customer with this external ID already exists.", externalId));
            }
        }

        var type = full ? CustomerCreation.Text(body, "type") : null;
        if (type == "individual" && customer is CustomerTeam)
        {
            issues.Add(ValidationIssue.BodyValue("type", "Customer type cannot be downgraded from 'team' to 'individual'.", type));
        }

        if (issues.Count > 0)
        {
            throw Problems.Validation(issues);
        }

        var newAddress = hasAddress ? CustomerFields.Address(address) : null;
        var taxId = CustomerCreation.Text(body, "tax_id") ?? (customer.TaxId is [{ ValueKind: JsonValueKind.String } first, ..] ? first.GetString() : null);
        var newTaxId = taxId is null ? customer.TaxId : CustomerFields.TaxId(taxId, newAddress ?? customer.BillingAddress);

        if (type == "team" && customer is CustomerIndividual)
        {
            var team = ModelProjection.As<CustomerTeam>(customer);
            team.Type = "team";
            customer = state.Customers.Add(team);
        }

        var fields = new CustomerUpdatedFields();
        if (emailChanged)
        {
            SetEmail(customer, email!);
            customer.EmailVerified = false;
            customer.AvatarUrl = CustomerFields.AvatarUrl(email);
            fields.Email = email;
            SyncOwnerEmail(state, customer, email!);
        }

        if (body.TryGetProperty("name", out var name) && customer.Name != (name.ValueKind == JsonValueKind.String ? name.GetString() : null))
        {
            customer.Name = name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            fields.Name = customer.Name;
        }

        if (newAddress is not null)
        {
            customer.BillingAddress = newAddress;
            fields.BillingAddress = PolarJson.Deserialize<AddressDict>(PolarJson.Serialize(newAddress));
        }

        if (CustomerCreation.Text(body, "tax_id") is not null)
        {
            customer.TaxId = newTaxId;
            fields.TaxId = taxId;
        }

        if (body.TryGetProperty("locale", out var locale))
        {
            customer.Locale = locale.ValueKind == JsonValueKind.String ? locale.GetString() : null;
        }

        if (body.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            customer.Metadata = PolarJson.Deserialize<Dictionary<string, MetadataValue>>(metadata.GetRawText());
            fields.Metadata = customer.Metadata;
        }

        if (full && externalId is not null)
        {
            customer.ExternalId = externalId;
        }

        CustomerEngine.Updated(state, customer, fields);
        return customer;
    }

    public static void SetEmail(Customer customer, string? email)
    {
        if (customer is CustomerIndividual individual)
        {
            individual.Email = email ?? string.Empty;
        }
        else if (customer is CustomerTeam team)
        {
            team.Email = email;
        }
    }

    // Polar mirrors an individual customer's email onto its owner member, silently.
    private static void SyncOwnerEmail(EmulatorState state, Customer customer, string email)
    {
        if (customer is CustomerIndividual && state.Members.OfCustomer(customer.Id).FirstOrDefault(m => m.Role == MemberRole.Owner) is { } owner)
        {
            owner.Email = email;
            owner.ModifiedAt = state.Now;
        }
    }
}
