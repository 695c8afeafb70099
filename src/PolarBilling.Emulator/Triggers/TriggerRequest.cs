using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Control;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Triggers;

/// <summary>
/// The body of a trigger with typed access to its ids and options: an id that names nothing is Polar's 404
/// <c>ResourceNotFound</c>, a field of the wrong type is 400 <c>InvalidControlRequest</c> naming it.
/// </summary>
internal sealed class TriggerRequest(string eventType, JsonObject body)
{
    /// <summary>The event type asked for.</summary>
    public string Event { get; } = eventType;

    public JsonObject Body { get; } = body;

    public Subscription Subscription(EmulatorState state) => state.Subscriptions.Get(Id("subscription_id"));

    public Order Order(EmulatorState state) => state.Orders.Get(Id("order_id"));

    public Checkout Checkout(EmulatorState state) => state.Checkouts.Get(Id("checkout_id"));

    /// <summary>The customer, unless deleted (a deleted customer is not found, as on Polar).</summary>
    public Customer Customer(EmulatorState state) => CustomerEngine.Get(state, Id("customer_id"));

    /// <summary>The product; an archived one is found (the checkout then refuses it as Polar does).</summary>
    public Product Product(EmulatorState state) => state.Products.Find(Id("product_id")) ?? throw Problems.NotFound();

    public string? String(string name) => Body.OptionalString(name);

    public long? Long(string name) => Body.OptionalLong(name);

    /// <summary>A boolean option, <see langword="false"/> when absent.</summary>
    public bool Flag(string name) => Body[name] switch
    {
        null => false,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => throw ControlBody.Invalid($"'{name}' must be true or false."),
    };

    /// <summary>The changed object as the API would answer it (Polar's JSON, exact wire names).</summary>
    public static JsonNode Answer<T>(T value) => JsonNode.Parse(PolarJson.SerializeToUtf8Bytes(value))!;

    private string Id(string name) => String(name) ?? throw ControlBody.Invalid($"'{name}' is required for {Event}.");
}
