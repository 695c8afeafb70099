using System.Text.Json.Nodes;

namespace PolarBilling.Emulator.Http;

/// <summary>
/// Endpoint metadata: a rewrite of the request body before it is validated against the spec, for inputs Polar
/// converts in a pydantic <c>BeforeValidator</c> (e.g. the legacy <c>amount_type: "free"</c> price becomes a fixed
/// price of 0). Add it with <see cref="PolarEndpointConventions.WithBodyCoercion"/>.
/// </summary>
internal sealed class BodyCoercion
{
    public BodyCoercion(Action<JsonNode> coerce) => Coerce = coerce;

    /// <summary>Changes the parsed body in place.</summary>
    public Action<JsonNode> Coerce { get; }
}
