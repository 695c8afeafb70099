using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Triggers;

/// <summary>
/// Customer moments, exactly as Polar's customers API performs them (with its 422s for a taken email or external id).
/// <c>customer.created</c>: a new customer with <c>email</c> (default a fresh <c>@example.com</c> address), <c>name</c>
/// and <c>external_id</c>. <c>customer.updated</c>: <c>name</c> and <c>email</c> when given (an update with neither
/// still sends <c>customer.updated</c>, as Polar's does). <c>customer.deleted</c>: deleted, its subscriptions revoked.
/// </summary>
internal static class CustomerTriggers
{
    private static readonly string[] CreateFields = ["email", "name", "external_id"];
    private static readonly string[] UpdateFields = ["email", "name"];

    public static IEnumerable<Trigger> All { get; } =
    [
        new("customer.created", [], Created),
        new("customer.updated", ["customer_id"], Updated),
        new("customer.deleted", ["customer_id"], Deleted),
    ];

    private static JsonNode Created(EmulatorState state, TriggerRequest request)
    {
        var body = Fields(request, CreateFields);
        body["email"] ??= $"customer-{PolarTokens.NewId()[..8]}@example.com";
        using var document = JsonDocument.Parse(body.ToJsonString());
        return TriggerRequest.Answer(CustomerCreation.Create(state, document.RootElement));
    }

    private static JsonNode Updated(EmulatorState state, TriggerRequest request)
    {
        var customer = request.Customer(state);
        using var document = JsonDocument.Parse(Fields(request, UpdateFields).ToJsonString());
        return TriggerRequest.Answer(CustomerChanges.Update(state, customer, document.RootElement, full: false));
    }

    private static JsonNode Deleted(EmulatorState state, TriggerRequest request)
    {
        var customer = request.Customer(state);
        CustomerDeletion.Delete(state, customer, anonymize: false);
        return TriggerRequest.Answer(customer);
    }

    private static JsonObject Fields(TriggerRequest request, string[] names)
    {
        var body = new JsonObject();
        foreach (var name in names)
        {
            if (request.String(name) is { } value)
            {
                body[name] = value;
            }
        }

        return body;
    }
}
