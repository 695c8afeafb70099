using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Tests.Webhooks;

/// <summary>
/// Emits spec-valid events straight into the emulator's outbox, the way every feature does (under the state lock,
/// stamped with emulator time), so delivery can be tested without depending on other areas' routes.
/// </summary>
internal static class TestEvents
{
    // tests/PolarBilling.Client.Tests/Fixtures/Customers/customer-individual.json
    private const string CustomerJson = """
        {"id":"d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70","created_at":"2026-03-01T11:00:00Z","modified_at":"2026-03-15T09:12:45.250000Z",
         "metadata":{"plan":"pro","seats":3,"beta":true},"external_id":"user_42","email":"ada@example.com","email_verified":true,
         "type":"individual","name":"Ada Lovelace","billing_name":null,
         "billing_address":{"line1":"1 Infinite Loop","line2":null,"postal_code":"95014","city":"Cupertino","state":"US-CA","country":"US"},
         "tax_id":null,"locale":"en-US","organization_id":"0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10",
         "default_payment_method_id":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f","deleted_at":null,
         "first_user_event_at":"2026-03-02T08:30:00Z","avatar_url":"https://www.gravatar.com/avatar/0bc83cb571cd1c50ba6f3e8a78ef1346?d=404"}
        """;

    /// <summary>Emits <c>customer.created</c> for a customer named after <paramref name="n"/> (ada+n@example.com).</summary>
    public static EmittedWebhook CustomerCreated(PolarEmulator emulator, int n = 1) =>
        Emit(emulator, customer => new CustomerCreatedWebhookEvent(customer, emulator.State.Now), n);

    /// <summary>Emits <c>customer.updated</c>.</summary>
    public static EmittedWebhook CustomerUpdated(PolarEmulator emulator, int n = 1) =>
        Emit(emulator, customer => new CustomerUpdatedWebhookEvent(customer, emulator.State.Now), n);

    /// <summary>Emits <paramref name="count"/> <c>customer.created</c> events, 1..count, and returns them in order.</summary>
    public static List<EmittedWebhook> CustomersCreated(PolarEmulator emulator, int count) =>
        [.. Enumerable.Range(1, count).Select(n => CustomerCreated(emulator, n))];

    private static EmittedWebhook Emit(PolarEmulator emulator, Func<Customer, PolarWebhookEvent> build, int n)
    {
        var customer = PolarJson.Deserialize<Customer>(CustomerJson);
        customer.Id = $"d4e5f6a7-b8c9-4d0e-9f1a-{n:x12}";
        ((CustomerIndividual)customer).Email = $"ada+{n}@example.com";
        lock (emulator.State.Gate)
        {
            customer.OrganizationId = emulator.OrganizationId;
            return emulator.State.Webhooks.Emit(build(customer));
        }
    }
}
