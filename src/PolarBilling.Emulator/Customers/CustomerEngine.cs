using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Events;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Customers;

/// <summary>
/// Customer rules other areas rely on: finding or creating the customer a checkout or subscription is for, and
/// announcing changes in Polar's order (<c>customer.created|updated|deleted</c>, each followed by
/// <c>customer.state_changed</c>, server <c>customer/service.py webhook</c>). Call under <see cref="EmulatorState.Gate"/>.
/// </summary>
internal static class CustomerEngine
{
    /// <summary>
    /// The customer by id, else by external id, else by email (case-insensitive), else a new individual customer with
    /// that email, name, external id and metadata (emitting <c>customer.created</c> then <c>customer.state_changed</c>).
    /// Deleted customers are never found.
    /// </summary>
    /// <exception cref="EmulatorProblem">422 at <c>body.customer_id</c> for an unknown id; 422 at <c>body.customer_email</c> when a customer must be created without an email.</exception>
    public static Customer GetOrCreate(EmulatorState state, string? customerId, string? externalCustomerId, string? email, string? name, Dictionary<string, MetadataValue>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (customerId is not null)
        {
            return Find(state, customerId)
                ?? throw Problems.Validation(ValidationIssue.BodyValue("customer_id", "Customer does not exist.", customerId));
        }

        if (externalCustomerId is not null && FindByExternalId(state, externalCustomerId) is { } byExternalId)
        {
            return byExternalId;
        }

        if (email is not null && FindByEmail(state, email) is { } byEmail)
        {
            return byEmail;
        }

        if (email is null)
        {
            throw Problems.Validation(new ValidationIssue("missing", ["body", "customer_email"], "Field required"));
        }

        var customer = new CustomerIndividual
        {
            Id = PolarTokens.NewId(),
            CreatedAt = state.Now,
            Email = email,
            Name = name,
            ExternalId = externalCustomerId,
            Metadata = metadata ?? [],
            OrganizationId = state.Organization.Id,
            AvatarUrl = CustomerFields.AvatarUrl(email),
        };
        Created(state, customer);
        return customer;
    }

    /// <summary>A customer that is not deleted, or <see langword="null"/>.</summary>
    public static Customer? Find(EmulatorState state, string? id) =>
        state.Customers.Find(id) is { DeletedAt: null } customer ? customer : null;

    /// <summary>A customer that is not deleted, or Polar's 404.</summary>
    /// <exception cref="EmulatorProblem">404 <c>ResourceNotFound</c>.</exception>
    public static Customer Get(EmulatorState state, string id) => Find(state, id) ?? throw Problems.NotFound();

    public static Customer? FindByExternalId(EmulatorState state, string externalId) =>
        state.Customers.All.FirstOrDefault(c => c.DeletedAt is null && c.ExternalId == externalId);

    public static Customer? FindByEmail(EmulatorState state, string email) =>
        state.Customers.All.FirstOrDefault(c => c.DeletedAt is null && string.Equals(EmailOf(c), email, StringComparison.OrdinalIgnoreCase));

    /// <summary>The customer's email (team customers may have none).</summary>
    public static string? EmailOf(Customer customer) => customer switch
    {
        CustomerIndividual individual => individual.Email,
        CustomerTeam team => team.Email,
        _ => null,
    };

    /// <summary>Stores a new customer and announces it: <c>customer.created</c>, <c>customer.state_changed</c>.</summary>
    public static void Created(EmulatorState state, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Customers.Add(customer);
        SystemEvents.CustomerCreated(state, customer);
        state.Webhooks.Emit(new CustomerCreatedWebhookEvent(customer, state.Now));
        StateChanged(state, customer.Id);
    }

    /// <summary>Marks the customer modified and announces it: <c>customer.updated</c>, <c>customer.state_changed</c>.</summary>
    public static void Updated(EmulatorState state, Customer customer, CustomerUpdatedFields? updatedFields = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        customer.ModifiedAt = state.Now;
        if (customer.DeletedAt is null)
        {
            SystemEvents.CustomerUpdated(state, customer, updatedFields ?? new CustomerUpdatedFields());
        }

        state.Webhooks.Emit(new CustomerUpdatedWebhookEvent(customer, state.Now));
        StateChanged(state, customer.Id);
    }

    /// <summary>Emits <c>customer.state_changed</c> with the customer's current <see cref="CustomerState"/>.</summary>
    public static void StateChanged(EmulatorState state, string customerId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Customers.Find(customerId) is { } customer)
        {
            state.Webhooks.Emit(new CustomerStateChangedWebhookEvent(CustomerStates.Build(state, customer), state.Now));
        }
    }
}
